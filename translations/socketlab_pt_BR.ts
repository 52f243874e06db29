<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>CliOptions</name>
    <message>
        <source>SocketLab command line: a teaching TCP/UDP server or client on raw POSIX sockets.</source>
        <translation>Linha de comando do SocketLab: um servidor ou cliente TCP/UDP didático sobre sockets POSIX puros.</translation>
    </message>
    <message>
        <source>server or client</source>
        <translation>server (servidor) ou client (cliente)</translation>
    </message>
    <message>
        <source>tcp or udp (default tcp).</source>
        <translation>tcp ou udp (padrão tcp).</translation>
    </message>
    <message>
        <source>Server: iterative, fork or thread (default thread).</source>
        <translation>Servidor: iterative, fork ou thread (padrão thread).</translation>
    </message>
    <message>
        <source>Port number (default 5000).</source>
        <translation>Número da porta (padrão 5000).</translation>
    </message>
    <message>
        <source>Server: local address to bind (default 127.0.0.1; 0.0.0.0 or :: for the whole network).</source>
        <translation>Servidor: endereço local para o bind (padrão 127.0.0.1; 0.0.0.0 ou :: para toda a rede).</translation>
    </message>
    <message>
        <source>Server: listen() backlog (default 1).</source>
        <translation>Servidor: backlog do listen() (padrão 1).</translation>
    </message>
    <message>
        <source>Server: bytes per recv() (default 1024).</source>
        <translation>Servidor: bytes por recv() (padrão 1024).</translation>
    </message>
    <message>
        <source>Server: send every message back.</source>
        <translation>Servidor: devolve (eco) cada mensagem.</translation>
    </message>
    <message>
        <source>Server: most clients served at once (default 256); others wait in the backlog.</source>
        <translation>Servidor: máximo de clientes atendidos ao mesmo tempo (padrão 256); os demais esperam no backlog.</translation>
    </message>
    <message>
        <source>Client: server host name or address (default 127.0.0.1).</source>
        <translation>Cliente: nome ou endereço do servidor (padrão 127.0.0.1).</translation>
    </message>
    <message>
        <source>Client: send each line with its line break.</source>
        <translation>Cliente: envia cada linha com a sua quebra de linha.</translation>
    </message>
    <message>
        <source>One JSON object per line.</source>
        <translation>Um objeto JSON por linha.</translation>
    </message>
    <message>
        <source>Server: print only listening, errors and the summary.</source>
        <translation>Servidor: mostra só o listening, os erros e o resumo.</translation>
    </message>
    <message>
        <source>Also print every socket call.</source>
        <translation>Mostra também cada chamada de socket.</translation>
    </message>
    <message>
        <source>Language: en or pt_BR.</source>
        <translation>Idioma: en ou pt_BR.</translation>
    </message>
    <message>
        <source>Missing command: use &quot;server&quot; or &quot;client&quot;.</source>
        <translation>Falta o comando: use &quot;server&quot; ou &quot;client&quot;.</translation>
    </message>
    <message>
        <source>Unexpected argument: &quot;%1&quot;.</source>
        <translation>Argumento inesperado: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Unknown command: &quot;%1&quot; (use &quot;server&quot; or &quot;client&quot;).</source>
        <translation>Comando desconhecido: &quot;%1&quot; (use &quot;server&quot; ou &quot;client&quot;).</translation>
    </message>
    <message>
        <source>Option --%1 does not apply to &quot;%2&quot;.</source>
        <translation>A opção --%1 não se aplica a &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Invalid value for --%1: &quot;%2&quot;.</source>
        <translation>Valor inválido para --%1: &quot;%2&quot;.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Connection refused</source>
        <translation>Conexão recusada</translation>
    </message>
    <message>
        <source>Address already in use</source>
        <translation>Endereço já em uso</translation>
    </message>
    <message>
        <source>Cannot assign requested address</source>
        <translation>Não é possível atribuir o endereço solicitado</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Permissão negada</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>Operação não permitida</translation>
    </message>
    <message>
        <source>No route to host</source>
        <translation>Sem rota para o host</translation>
    </message>
    <message>
        <source>Network is unreachable</source>
        <translation>A rede está inacessível</translation>
    </message>
    <message>
        <source>Connection timed out</source>
        <translation>Tempo de conexão esgotado</translation>
    </message>
    <message>
        <source>Connection reset by peer</source>
        <translation>Conexão reiniciada pelo outro lado</translation>
    </message>
    <message>
        <source>Broken pipe</source>
        <translation>Pipe quebrado</translation>
    </message>
    <message>
        <source>Software caused connection abort</source>
        <translation>Conexão abortada por software</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>Arquivos abertos demais</translation>
    </message>
    <message>
        <source>Too many open files in system</source>
        <translation>Arquivos abertos demais no sistema</translation>
    </message>
    <message>
        <source>Address family not supported by protocol</source>
        <translation>Família de endereços não suportada pelo protocolo</translation>
    </message>
    <message>
        <source>Invalid argument</source>
        <translation>Argumento inválido</translation>
    </message>
    <message>
        <source>Message too long</source>
        <translation>Mensagem longa demais</translation>
    </message>
    <message>
        <source>No buffer space available</source>
        <translation>Sem espaço de buffer disponível</translation>
    </message>
    <message>
        <source>Cannot allocate memory</source>
        <translation>Não foi possível alocar memória</translation>
    </message>
    <message>
        <source>Resource temporarily unavailable</source>
        <translation>Recurso temporariamente indisponível</translation>
    </message>
    <message>
        <source>Interrupted system call</source>
        <translation>Chamada de sistema interrompida</translation>
    </message>
    <message>
        <source>Transport endpoint is not connected</source>
        <translation>O socket não está conectado</translation>
    </message>
    <message>
        <source>Protocol not supported</source>
        <translation>Protocolo não suportado</translation>
    </message>
    <message>
        <source>Name or service not known</source>
        <translation>Nome ou serviço desconhecido</translation>
    </message>
    <message>
        <source>Temporary failure in name resolution</source>
        <translation>Falha temporária na resolução de nomes</translation>
    </message>
    <message>
        <source>Non-recoverable failure in name resolution</source>
        <translation>Falha irrecuperável na resolução de nomes</translation>
    </message>
    <message>
        <source>Address family not supported</source>
        <translation>Família de endereços não suportada</translation>
    </message>
    <message>
        <source>Service not supported for this socket type</source>
        <translation>Serviço não suportado para este tipo de socket</translation>
    </message>
    <message>
        <source>No address associated with hostname</source>
        <translation>Nenhum endereço associado ao nome do host</translation>
    </message>
    <message>
        <source>Host has no address in the requested family</source>
        <translation>O host não tem endereço na família pedida</translation>
    </message>
</context>
<context>
    <name>EventFormatter</name>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>pid %1, thread %2</source>
        <translation>pid %1, thread %2</translation>
    </message>
    <message>
        <source>child pid %1</source>
        <translation>pid filho %1</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>TCP, iterative</source>
        <translation>TCP, iterativo</translation>
    </message>
    <message>
        <source>TCP, a process per connection</source>
        <translation>TCP, um processo por conexão</translation>
    </message>
    <message>
        <source>TCP, a thread per connection</source>
        <translation>TCP, uma thread por conexão</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>fd %1</source>
        <translation>fd %1</translation>
    </message>
    <message>
        <source>fd %1 from %2</source>
        <translation>fd %1 de %2</translation>
    </message>
    <message>
        <source>pid %1 (the child)</source>
        <translation>pid %1 (o filho)</translation>
    </message>
    <message>
        <source>0 (the peer closed the connection)</source>
        <translation>0 (o outro lado fechou a conexão)</translation>
    </message>
    <message>
        <source>Waiting for datagrams on %1 (UDP)</source>
        <translation>Aguardando datagramas em %1 (UDP)</translation>
    </message>
    <message>
        <source>Listening on %1 (%2)</source>
        <translation>Escutando em %1 (%2)</translation>
    </message>
    <message>
        <source>Connected by %1 (%2)</source>
        <translation>Conectado por %1 (%2)</translation>
    </message>
    <message>
        <source>Connected to %1 from %2</source>
        <translation>Conectado a %1 a partir de %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Ending connection of client %1 (%2)</source>
        <translation>Finalizando conexão do cliente %1 (%2)</translation>
    </message>
    <message>
        <source>Disconnected from %1</source>
        <translation>Desconectado de %1</translation>
    </message>
    <message>
        <source>The server %1 closed the connection</source>
        <translation>O servidor %1 fechou a conexão</translation>
    </message>
    <message>
        <source>%1(%2) failed: %3</source>
        <translation>%1(%2) falhou: %3</translation>
    </message>
    <message>
        <source>Thread %1 finished</source>
        <translation>Thread %1 terminou</translation>
    </message>
    <message>
        <source>Child process %1 was killed by signal %2 and reaped</source>
        <translation>Processo filho %1 foi morto pelo sinal %2 e recolhido</translation>
    </message>
    <message>
        <source>Child process %1 exited with status %2 and was reaped</source>
        <translation>Processo filho %1 saiu com status %2 e foi recolhido</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Echoed %1 to %2: %3</source>
        <translation>Eco de %1 para %2: %3</translation>
    </message>
    <message>
        <source>Sent %1 to %2: %3</source>
        <translation>Enviou %1 para %2: %3</translation>
    </message>
    <message>
        <source>Received %1 from %2: %3</source>
        <translation>Recebeu %1 de %2: %3</translation>
    </message>
    <message>
        <source>Summary: connections %1, messages %2, bytes %3</source>
        <translation>Resumo: conexões %1, mensagens %2, bytes %3</translation>
    </message>
    <message>
        <source>thread %1</source>
        <translation>thread %1</translation>
    </message>
    <message>
        <source>child %1</source>
        <translation>filho %1</translation>
    </message>
</context>
<context>
    <name>LogExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Não foi possível gravar %1: %2</translation>
    </message>
</context>
<context>
    <name>ServerStatus</name>
    <message>
        <source>Server stopped</source>
        <translation>Servidor parado</translation>
    </message>
    <message>
        <source>Waiting in recvfrom() for datagrams on %1</source>
        <translation>Esperando em recvfrom() por datagramas em %1</translation>
    </message>
    <message>
        <source>Blocked in recv() serving %1; other clients wait in the backlog</source>
        <translation>Bloqueado em recv() atendendo %1; os outros clientes esperam no backlog</translation>
    </message>
    <message>
        <source>Waiting in accept() on %1</source>
        <translation>Esperando em accept() em %1</translation>
    </message>
    <message>
        <source>Waiting in accept() on %1; child processes serving clients: %2</source>
        <translation>Esperando em accept() em %1; processos filhos atendendo clientes: %2</translation>
    </message>
    <message>
        <source>Waiting in accept() on %1; threads serving clients: %2</source>
        <translation>Esperando em accept() em %1; threads atendendo clientes: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>SocketLab: a network lab for teaching sockets</source>
        <translation>SocketLab: um laboratório de redes para ensinar sockets</translation>
    </message>
    <message>
        <source>Language: en or pt_BR.</source>
        <translation>Idioma: en ou pt_BR.</translation>
    </message>
    <message>
        <source>Run a short demo, save the window as a PNG and exit.</source>
        <translation>Executa uma demonstração curta, salva a janela como PNG e sai.</translation>
    </message>
    <message>
        <source>Unknown language: %1 (use en or pt_BR)</source>
        <translation>Idioma desconhecido: %1 (use en ou pt_BR)</translation>
    </message>
    <message>
        <source>Could not write the screenshot %1</source>
        <translation>Não foi possível gravar a captura de tela %1</translation>
    </message>
</context>
<context>
    <name>socketlab::CallSequenceWidget</name>
    <message>
        <source>Client steps (client %1)</source>
        <translation>Passos do cliente (cliente %1)</translation>
    </message>
    <message>
        <source>Client steps</source>
        <translation>Passos do cliente</translation>
    </message>
    <message>
        <source>Server steps</source>
        <translation>Passos do servidor</translation>
    </message>
    <message>
        <source>Live call trace</source>
        <translation>Chamadas ao vivo</translation>
    </message>
    <message>
        <source>1. Resolve the host name to an IP address: getaddrinfo()</source>
        <translation>1. Resolver o nome do host para um endereço IP: getaddrinfo()</translation>
    </message>
    <message>
        <source>2. Resolve the protocol name to its number: getprotobyname()</source>
        <translation>2. Resolver o nome do protocolo para o seu número: getprotobyname()</translation>
    </message>
    <message>
        <source>3. Create the socket: socket()</source>
        <translation>3. Criar o socket: socket()</translation>
    </message>
    <message>
        <source>4. Connect: not used by UDP</source>
        <translation>4. Conectar: não usado pelo UDP</translation>
    </message>
    <message>
        <source>4. Connect to the server: connect()</source>
        <translation>4. Conectar ao servidor: connect()</translation>
    </message>
    <message>
        <source>5. Send and receive datagrams: sendto() / recvfrom()</source>
        <translation>5. Enviar e receber datagramas: sendto() / recvfrom()</translation>
    </message>
    <message>
        <source>5. Send and receive while there is data: send() / recv()</source>
        <translation>5. Enviar e receber enquanto houver dados: send() / recv()</translation>
    </message>
    <message>
        <source>6. Close the socket: close()</source>
        <translation>6. Fechar o socket: close()</translation>
    </message>
    <message>
        <source>1. Resolve the protocol name to its number: getprotobyname()</source>
        <translation>1. Resolver o nome do protocolo para o seu número: getprotobyname()</translation>
    </message>
    <message>
        <source>2. Create the socket: socket()</source>
        <translation>2. Criar o socket: socket()</translation>
    </message>
    <message>
        <source>3. Bind a local address and port: bind()</source>
        <translation>3. Associar um endereço e uma porta locais: bind()</translation>
    </message>
    <message>
        <source>4. Listen: not used by UDP</source>
        <translation>4. Escutar: não usado pelo UDP</translation>
    </message>
    <message>
        <source>4. Make the socket passive: listen()</source>
        <translation>4. Tornar o socket passivo: listen()</translation>
    </message>
    <message>
        <source>5. Accept: not used by UDP</source>
        <translation>5. Aceitar: não usado pelo UDP</translation>
    </message>
    <message>
        <source>5. Accept a connection: accept()</source>
        <translation>5. Aceitar uma conexão: accept()</translation>
    </message>
    <message>
        <source>6. Receive and answer datagrams: recvfrom() / sendto()</source>
        <translation>6. Receber e responder datagramas: recvfrom() / sendto()</translation>
    </message>
    <message>
        <source>6. Receive and send while there is data: recv() / send()</source>
        <translation>6. Receber e enviar enquanto houver dados: recv() / send()</translation>
    </message>
    <message>
        <source>7. Close: not used, one socket serves everyone</source>
        <translation>7. Fechar: não usado, um só socket atende a todos</translation>
    </message>
    <message>
        <source>7. Close the connection: close()</source>
        <translation>7. Fechar a conexão: close()</translation>
    </message>
    <message>
        <source>8. Wait for the next datagram (back to 6)</source>
        <translation>8. Esperar o próximo datagrama (volta ao 6)</translation>
    </message>
    <message>
        <source>8. Go back to step 5</source>
        <translation>8. Voltar ao passo 5</translation>
    </message>
</context>
<context>
    <name>socketlab::CallTraceModel</name>
    <message>
        <source>Client %1</source>
        <translation>Cliente %1</translation>
    </message>
    <message>
        <source>Server thread %1</source>
        <translation>Servidor, thread %1</translation>
    </message>
    <message>
        <source>Server child %1</source>
        <translation>Servidor, filho %1</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quem</translation>
    </message>
    <message>
        <source>Call and result</source>
        <translation>Chamada e resultado</translation>
    </message>
</context>
<context>
    <name>socketlab::ClientPane</name>
    <message>
        <source>Client %1</source>
        <translation>Cliente %1</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;orta:</translation>
    </message>
    <message>
        <source>Sent and received</source>
        <translation>Enviado e recebido</translation>
    </message>
    <message>
        <source>Type a message and press Enter</source>
        <translation>Digite uma mensagem e tecle Enter</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send burst (3 messages at once)</source>
        <translation>Rajada (3 mensagens de uma vez)</translation>
    </message>
    <message>
        <source>Sends three messages back to back: TCP is a byte stream and may deliver them in one recv(); UDP keeps each datagram apart.</source>
        <translation>Envia três mensagens seguidas: o TCP é um fluxo de bytes e pode entregá-las num só recv(); o UDP mantém cada datagrama separado.</translation>
    </message>
    <message>
        <source>Open UDP socket</source>
        <translation>Abrir socket UDP</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close socket</source>
        <translation>Fechar socket</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Desconectar</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Não conectado</translation>
    </message>
    <message>
        <source>My address: not known yet</source>
        <translation>Meu endereço: ainda desconhecido</translation>
    </message>
    <message>
        <source>My address: %1</source>
        <translation>Meu endereço: %1</translation>
    </message>
    <message>
        <source>hello</source>
        <translation>olá</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>← %1</source>
        <translation>← %1</translation>
    </message>
</context>
<context>
    <name>socketlab::ClientTabs</name>
    <message>
        <source>Add client</source>
        <translation>Adicionar cliente</translation>
    </message>
    <message>
        <source>Adds another client, with its own socket and colour</source>
        <translation>Adiciona outro cliente, com o seu próprio socket e cor</translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation>Cliente %1</translation>
    </message>
</context>
<context>
    <name>socketlab::ConnectionsModel</name>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>Atendido por</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensagens</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
</context>
<context>
    <name>socketlab::LogModel</name>
    <message>
        <source>Listening</source>
        <translation>Escutando</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Echo</source>
        <translation>Eco</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recebido</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erro</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Chamada</translation>
    </message>
    <message>
        <source>Handler ended</source>
        <translation>Atendente terminou</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumo</translation>
    </message>
    <message>
        <source>%1 … (%2 in all)</source>
        <translation>%1 … (%2 no total)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Client address</source>
        <translation>Endereço do cliente</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Atendente</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
</context>
<context>
    <name>socketlab::MainWindow</name>
    <message>
        <source>SocketLab</source>
        <translation>SocketLab</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Exibir</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Call sequence</source>
        <translation>Sequência de chamadas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Save log...</source>
        <translation>&amp;Salvar registro...</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>Salvar registro</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sai&amp;r</translation>
    </message>
    <message>
        <source>&amp;Copy selected rows</source>
        <translation>&amp;Copiar linhas selecionadas</translation>
    </message>
    <message>
        <source>C&amp;lear log</source>
        <translation>&amp;Limpar registro</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Limpar</translation>
    </message>
    <message>
        <source>&amp;Add client</source>
        <translation>&amp;Adicionar cliente</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Ampliar</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Maior</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Reduzir</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>Menor</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>&amp;Tamanho normal</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>Modo de a&amp;presentação</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Apresentar</translation>
    </message>
    <message>
        <source>Full screen, large text, high contrast (F11)</source>
        <translation>Tela cheia, texto grande, alto contraste (F11)</translation>
    </message>
    <message>
        <source>Show &amp;hex column</source>
        <translation>Mostrar coluna &amp;hex</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Arquivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Arquivos de texto (*.txt)</translation>
    </message>
    <message>
        <source>Log saved to %1</source>
        <translation>Registro salvo em %1</translation>
    </message>
</context>
<context>
    <name>socketlab::ScreenshotDemo</name>
    <message>
        <source>Hello, server!</source>
        <translation>Olá, servidor!</translation>
    </message>
    <message>
        <source>Hello from client 2</source>
        <translation>Olá do cliente 2</translation>
    </message>
</context>
<context>
    <name>socketlab::ServerPane</name>
    <message>
        <source>Connections</source>
        <translation>Conexões</translation>
    </message>
    <message>
        <source>Server log</source>
        <translation>Registro do servidor</translation>
    </message>
    <message>
        <source>Connections: %1    Messages: %2    Bytes: %3</source>
        <translation>Conexões: %1    Mensagens: %2    Bytes: %3</translation>
    </message>
    <message>
        <source>Press Start to open the server.</source>
        <translation>Clique em Iniciar para abrir o servidor.</translation>
    </message>
    <message>
        <source>Only programs on this computer can connect: %1 port %2</source>
        <translation>Só programas deste computador podem se conectar: %1 porta %2</translation>
    </message>
    <message>
        <source>Open to the network on port %1, but this computer has no network address right now</source>
        <translation>Aberto para a rede na porta %1, mas este computador está sem endereço de rede agora</translation>
    </message>
    <message>
        <source>Students connect to %1, port %2</source>
        <translation>Os alunos se conectam a %1, porta %2</translation>
    </message>
    <message>
        <source>%1 older rows dropped (the counters stay exact)</source>
        <translation>%1 linhas antigas descartadas (os contadores continuam exatos)</translation>
    </message>
    <message>
        <source>Auto-scroll paused: scroll to the bottom to resume</source>
        <translation>Rolagem automática pausada: role até o fim para retomar</translation>
    </message>
    <message>
        <source>Senders</source>
        <translation>Remetentes</translation>
    </message>
    <message>
        <source>Senders: %1    Datagrams: %2    Bytes: %3</source>
        <translation>Remetentes: %1    Datagramas: %2    Bytes: %3</translation>
    </message>
</context>
<context>
    <name>socketlab::ServerToolBar</name>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>Iterative</source>
        <translation>Iterativo</translation>
    </message>
    <message>
        <source>Fork</source>
        <translation>Fork</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Porta:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>qualquer</translation>
    </message>
    <message>
        <source>The server&apos;s port; &quot;any&quot; lets the system choose a free one</source>
        <translation>A porta do servidor; &quot;qualquer&quot; deixa o sistema escolher uma livre</translation>
    </message>
    <message>
        <source>&amp;Open to:</source>
        <translation>&amp;Aberto para:</translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation>só este computador</translation>
    </message>
    <message>
        <source>the classroom network</source>
        <translation>a rede da sala de aula</translation>
    </message>
    <message>
        <source>This computer only binds 127.0.0.1. The classroom network binds every interface (::, IPv4 and IPv6) so students can connect.</source>
        <translation>Só este computador faz o bind em 127.0.0.1. A rede da sala de aula faz o bind em todas as interfaces (::, IPv4 e IPv6) para que os alunos possam se conectar.</translation>
    </message>
    <message>
        <source>Echo</source>
        <translation>Eco</translation>
    </message>
    <message>
        <source>The server sends every message back to its client</source>
        <translation>O servidor devolve cada mensagem ao seu cliente</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Start the server (socket, bind, listen)</source>
        <translation>Inicia o servidor (socket, bind, listen)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Stop the server and every process or thread serving a client</source>
        <translation>Para o servidor e cada processo ou thread que atende um cliente</translation>
    </message>
    <message>
        <source>Stop the server to change this</source>
        <translation>Pare o servidor para mudar isto</translation>
    </message>
    <message>
        <source>Not for UDP: there are no connections to hand over. One socket receives every datagram with recvfrom().</source>
        <translation>Não se aplica ao UDP: não há conexões para repassar. Um só socket recebe todos os datagramas com recvfrom().</translation>
    </message>
    <message>
        <source>One client at a time; the others wait in the backlog</source>
        <translation>Um cliente por vez; os outros esperam no backlog</translation>
    </message>
    <message>
        <source>A child process per connection (fork); the parent only accepts</source>
        <translation>Um processo filho por conexão (fork); o pai só aceita</translation>
    </message>
    <message>
        <source>A thread per connection; the main thread only accepts</source>
        <translation>Uma thread por conexão; a thread principal só aceita</translation>
    </message>
    <message>
        <source>TCP: connections and a byte stream. UDP: independent datagrams.</source>
        <translation>TCP: conexões e um fluxo de bytes. UDP: datagramas independentes.</translation>
    </message>
</context>
</TS>
