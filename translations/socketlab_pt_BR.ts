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
</context>
</TS>
