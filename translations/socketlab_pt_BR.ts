<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>AddressInUseLesson</name>
    <message>
        <source>Address in use: restarting a server</source>
        <translation>Endereço em uso: reiniciando um servidor</translation>
    </message>
    <message>
        <source>A server without SO_REUSEADDR</source>
        <translation>Um servidor sem SO_REUSEADDR</translation>
    </message>
    <message>
        <source>The server binds its port without setting SO_REUSEADDR, and a client connects and sends.</source>
        <translation>O servidor faz o bind da sua porta sem ativar SO_REUSEADDR, e um cliente se conecta e envia.</translation>
    </message>
    <message>
        <source>Event log: no setsockopt() call before bind().</source>
        <translation>Registro de eventos: nenhuma chamada a setsockopt() antes do bind().</translation>
    </message>
    <message>
        <source>Stop the server while the client is connected</source>
        <translation>Parar o servidor com o cliente conectado</translation>
    </message>
    <message>
        <source>The server closes the connection first. The side that closes first keeps the connection in TIME_WAIT for a minute, so late packets of it cannot be mistaken for a new connection on the same port.</source>
        <translation>O servidor fecha a conexão primeiro. O lado que fecha primeiro mantém a conexão em TIME_WAIT por um minuto, para que pacotes atrasados dela não sejam confundidos com uma nova conexão na mesma porta.</translation>
    </message>
    <message>
        <source>Processes: the TIME_WAIT count for the server&apos;s port.</source>
        <translation>Processos: o número de conexões em TIME_WAIT na porta do servidor.</translation>
    </message>
    <message>
        <source>Restart on the same port: bind() fails</source>
        <translation>Reiniciar na mesma porta: bind() falha</translation>
    </message>
    <message>
        <source>The restarted server&apos;s bind() fails with &quot;Address already in use&quot;: the connection in TIME_WAIT still holds the port.</source>
        <translation>O bind() do servidor reiniciado falha com &quot;Endereço já em uso&quot;: a conexão em TIME_WAIT ainda ocupa a porta.</translation>
    </message>
    <message>
        <source>Event log: bind() failed: Address already in use.</source>
        <translation>Registro de eventos: bind() falhou: Endereço já em uso.</translation>
    </message>
    <message>
        <source>Now with SO_REUSEADDR</source>
        <translation>Agora com SO_REUSEADDR</translation>
    </message>
    <message>
        <source>A server that sets SO_REUSEADDR before bind(), on a new port. A client connects and sends, and the server is stopped again while connected.</source>
        <translation>Um servidor que ativa SO_REUSEADDR antes do bind(), numa porta nova. Um cliente se conecta e envia, e o servidor é parado de novo com o cliente conectado.</translation>
    </message>
    <message>
        <source>Event log: setsockopt(SO_REUSEADDR) before bind(); Processes: TIME_WAIT.</source>
        <translation>Registro de eventos: setsockopt(SO_REUSEADDR) antes do bind(); Processos: TIME_WAIT.</translation>
    </message>
    <message>
        <source>Restart with SO_REUSEADDR: it works</source>
        <translation>Reiniciar com SO_REUSEADDR: funciona</translation>
    </message>
    <message>
        <source>With SO_REUSEADDR set (on both runs), bind() succeeds although the old connection is still in TIME_WAIT. Servers set it so they can restart at once.</source>
        <translation>Com SO_REUSEADDR ativado (nas duas execuções), o bind() funciona mesmo com a conexão antiga ainda em TIME_WAIT. Os servidores o ativam para poder reiniciar na hora.</translation>
    </message>
    <message>
        <source>Event log: &quot;Listening on ...&quot; again, on the same port.</source>
        <translation>Registro de eventos: &quot;Escutando em ...&quot; de novo, na mesma porta.</translation>
    </message>
    <message>
        <source>Without SO_REUSEADDR: %1. With it: %2.</source>
        <translation>Sem SO_REUSEADDR: %1. Com ele: %2.</translation>
    </message>
    <message>
        <source>bind() failed, address in use</source>
        <translation>bind() falhou, endereço em uso</translation>
    </message>
    <message>
        <source>not shown yet</source>
        <translation>ainda não mostrado</translation>
    </message>
    <message>
        <source>the restart worked</source>
        <translation>o reinício funcionou</translation>
    </message>
</context>
<context>
    <name>BoundariesLesson</name>
    <message>
        <source>Message boundaries: TCP stream, UDP datagrams</source>
        <translation>Limites das mensagens: fluxo TCP, datagramas UDP</translation>
    </message>
    <message>
        <source>A TCP server and a client</source>
        <translation>Um servidor TCP e um cliente</translation>
    </message>
    <message>
        <source>A TCP server (a thread per connection) and one connected client.</source>
        <translation>Um servidor TCP (uma thread por conexão) e um cliente conectado.</translation>
    </message>
    <message>
        <source>Sequence diagram: connect and accept.</source>
        <translation>Diagrama de sequência: connect e accept.</translation>
    </message>
    <message>
        <source>A burst of three over TCP</source>
        <translation>Uma rajada de três mensagens pelo TCP</translation>
    </message>
    <message>
        <source>The client calls send() three times in a row. TCP carries a stream of bytes, not messages: the server&apos;s recv() returns whatever has arrived, so the three may come merged into one chunk or split differently.</source>
        <translation>O cliente chama send() três vezes seguidas. O TCP transporta um fluxo de bytes, não mensagens: o recv() do servidor retorna o que já chegou, então as três podem vir juntas num só pedaço ou divididas de outro jeito.</translation>
    </message>
    <message>
        <source>Event log: count the server&apos;s recv() chunks; all %1 bytes arrive, in order.</source>
        <translation>Registro de eventos: conte os pedaços que o recv() do servidor retornou; todos os %1 bytes chegam, em ordem.</translation>
    </message>
    <message>
        <source>The same burst over UDP</source>
        <translation>A mesma rajada pelo UDP</translation>
    </message>
    <message>
        <source>Now a UDP server and a UDP client. Each sendto() is one datagram, and each recvfrom() returns exactly one datagram: the boundaries are kept.</source>
        <translation>Agora um servidor UDP e um cliente UDP. Cada sendto() é um datagrama, e cada recvfrom() retorna exatamente um datagrama: os limites são mantidos.</translation>
    </message>
    <message>
        <source>Event log: exactly three lines, &quot;one&quot;, &quot;two&quot;, &quot;three&quot;.</source>
        <translation>Registro de eventos: exatamente três linhas, &quot;one&quot;, &quot;two&quot;, &quot;three&quot;.</translation>
    </message>
    <message>
        <source>TCP: 3 sends arrived as %1 recv() chunks, %2 bytes in all. UDP: %3 datagrams.</source>
        <translation>TCP: 3 envios chegaram em %1 pedaços de recv(), %2 bytes no total. UDP: %3 datagramas.</translation>
    </message>
</context>
<context>
    <name>CliOptions</name>
    <message>
        <source>SocketLab command line: a teaching TCP/UDP server or client on raw POSIX sockets.</source>
        <translation>Linha de comando do SocketLab: um servidor ou cliente TCP/UDP didático sobre sockets POSIX puros.</translation>
    </message>
    <message>
        <source>tcp or udp (default tcp).</source>
        <translation>tcp ou udp (padrão tcp).</translation>
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
        <source>Unexpected argument: &quot;%1&quot;.</source>
        <translation>Argumento inesperado: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Option --%1 does not apply to &quot;%2&quot;.</source>
        <translation>A opção --%1 não se aplica a &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Invalid value for --%1: &quot;%2&quot;.</source>
        <translation>Valor inválido para --%1: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>--concurrency %1 does not apply to --proto udp: a UDP server has no connections to hand out.</source>
        <translation>--concurrency %1 não se aplica a --proto udp: um servidor UDP não tem conexões para distribuir.</translation>
    </message>
    <message>
        <source>Server: iterative, fork, thread or poll (default thread).</source>
        <translation>Servidor: iterative, fork, thread ou poll (padrão thread).</translation>
    </message>
    <message>
        <source>server, client or sockets</source>
        <translation>server (servidor), client (cliente) ou sockets</translation>
    </message>
    <message>
        <source>Sockets: sample every MS milliseconds and print the changes until interrupted.</source>
        <translation>Sockets: amostra a cada MS milissegundos e mostra as mudanças até ser interrompido.</translation>
    </message>
    <message>
        <source>Missing command: use &quot;server&quot;, &quot;client&quot; or &quot;sockets&quot;.</source>
        <translation>Falta o comando: use &quot;server&quot;, &quot;client&quot; ou &quot;sockets&quot;.</translation>
    </message>
    <message>
        <source>Unknown command: &quot;%1&quot; (use &quot;server&quot;, &quot;client&quot; or &quot;sockets&quot;).</source>
        <translation>Comando desconhecido: &quot;%1&quot; (use &quot;server&quot;, &quot;client&quot; ou &quot;sockets&quot;).</translation>
    </message>
</context>
<context>
    <name>CliSocketsRunner</name>
    <message>
        <source>accept queue %1 of %2</source>
        <translation>fila de aceitação %1 de %2</translation>
    </message>
    <message>
        <source>recv-q %1  send-q %2</source>
        <translation>fila-recepção %1  fila-envio %2</translation>
    </message>
    <message>
        <source>timer %1 ms</source>
        <translation>temporizador %1 ms</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>(waiting in the backlog, not accepted yet)</source>
        <translation>(esperando no backlog, ainda não aceita)</translation>
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
    <message>
        <source>Other connections</source>
        <translation>Outras conexões</translation>
    </message>
    <message>
        <source>%1: %2 messages (%3) counted but not shown one by one: the display lagged</source>
        <translation>%1: %2 mensagens (%3) contadas, mas não mostradas uma a uma: a exibição ficou para trás</translation>
    </message>
    <message>
        <source>%1: %2 echoes (%3) counted but not shown one by one: the display lagged</source>
        <translation>%1: %2 ecos (%3) contados, mas não mostrados um a um: a exibição ficou para trás</translation>
    </message>
    <message>
        <source>%1: %2 sends (%3) counted but not shown one by one: the display lagged</source>
        <translation>%1: %2 envios (%3) contados, mas não mostrados um a um: a exibição ficou para trás</translation>
    </message>
    <message>
        <source>%1: %2 replies (%3) counted but not shown one by one: the display lagged</source>
        <translation>%1: %2 respostas (%3) contadas, mas não mostradas uma a uma: a exibição ficou para trás</translation>
    </message>
    <message>
        <source>%1: %2 calls and other events not shown: the display lagged</source>
        <translation>%1: %2 chamadas e outros eventos não mostrados: a exibição ficou para trás</translation>
    </message>
    <message>
        <source>%1 clients are being served, the most allowed: new clients wait in the backlog until one leaves</source>
        <translation>%1 clientes estão sendo atendidos, o máximo permitido: novos clientes esperam no backlog até que um saia</translation>
    </message>
    <message>
        <source>Summary: connections %1, messages %2, bytes %3, children killed at stop %4</source>
        <translation>Resumo: conexões %1, mensagens %2, bytes %3, filhos encerrados à força na parada %4</translation>
    </message>
    <message>
        <source>Connection %1</source>
        <translation>Conexão %1</translation>
    </message>
    <message>
        <source>Shared counter incremented to %1 (%2)</source>
        <translation>Contador compartilhado incrementado para %1 (%2)</translation>
    </message>
    <message>
        <source>TCP, one thread with poll()</source>
        <translation>TCP, uma thread com poll()</translation>
    </message>
    <message>
        <source>%1 ready: %2</source>
        <translation>%1 prontos: %2</translation>
    </message>
    <message>
        <source>Summary: connections %1, messages %2, bytes %3, dropped by the kernel: %4 (receive buffer full)</source>
        <translation>Resumo: conexões %1, mensagens %2, bytes %3, descartados pelo kernel: %4 (buffer de recepção cheio)</translation>
    </message>
    <message>
        <source>Student %1</source>
        <translation>Aluno %1</translation>
    </message>
    <message>
        <source>TCP state %1 on %2 (waiting in the backlog, not accepted yet)</source>
        <translation>Estado TCP %1 em %2 (esperando no backlog, ainda não aceita)</translation>
    </message>
    <message>
        <source>TCP state %1 on %2</source>
        <translation>Estado TCP %1 em %2</translation>
    </message>
</context>
<context>
    <name>ForkLesson</name>
    <message>
        <source>Fork: a process per connection</source>
        <translation>Fork: um processo por conexão</translation>
    </message>
    <message>
        <source>A forking server</source>
        <translation>Um servidor com fork</translation>
    </message>
    <message>
        <source>After each accept() the server calls fork(). The child process serves the client; the parent closes its copy of the connection and only accepts.</source>
        <translation>Após cada accept(), o servidor chama fork(). O processo filho atende o cliente; o pai fecha a sua cópia da conexão e só aceita.</translation>
    </message>
    <message>
        <source>Processes: one server process, no children yet.</source>
        <translation>Processos: um processo servidor, ainda sem filhos.</translation>
    </message>
    <message>
        <source>Two clients, two child processes</source>
        <translation>Dois clientes, dois processos filhos</translation>
    </message>
    <message>
        <source>Clients A and B connect and send. Each accepted connection gets its own child process with its own pid, and both are served at the same time.</source>
        <translation>Os clientes A e B se conectam e enviam. Cada conexão aceita ganha o seu próprio processo filho, com o seu próprio pid, e os dois são atendidos ao mesmo tempo.</translation>
    </message>
    <message>
        <source>Processes: two children, each with its own pid and client.</source>
        <translation>Processos: dois filhos, cada um com o seu pid e o seu cliente.</translation>
    </message>
    <message>
        <source>Reaping off: a zombie</source>
        <translation>Sem recolher: um zumbi</translation>
    </message>
    <message>
        <source>The server restarts with reaping switched off: it does not call waitpid() when a child ends. Client C connects, sends and leaves. C&apos;s child exits, but its entry stays in the process table as a zombie until the parent reaps it.</source>
        <translation>O servidor reinicia sem recolher os filhos: ele não chama waitpid() quando um filho termina. O cliente C se conecta, envia e sai. O filho de C termina, mas a sua entrada fica na tabela de processos como zumbi até o pai recolhê-lo.</translation>
    </message>
    <message>
        <source>Processes: C&apos;s child is shown as a zombie.</source>
        <translation>Processos: o filho de C aparece como zumbi.</translation>
    </message>
    <message>
        <source>Stop: the parent reaps every child</source>
        <translation>Parar: o pai recolhe todos os filhos</translation>
    </message>
    <message>
        <source>Stopping the server reaps what is left: waitpid() for the zombie. No exited child may stay a zombie, or the process table fills up.</source>
        <translation>Parar o servidor recolhe o que restou: waitpid() para o zumbi. Nenhum filho encerrado pode ficar zumbi, senão a tabela de processos se enche.</translation>
    </message>
    <message>
        <source>Processes: no zombie is left; event log: the child was reaped.</source>
        <translation>Processos: não sobra nenhum zumbi; registro de eventos: o filho foi recolhido.</translation>
    </message>
    <message>
        <source>%1 child processes with distinct pids; a zombie was seen: %2; zombies now: %3.</source>
        <translation>%1 processos filhos com pids distintos; um zumbi foi visto: %2; zumbis agora: %3.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <source>Reap exited children (waitpid)</source>
        <translation>Recolher filhos que terminaram (waitpid)</translation>
    </message>
    <message>
        <source>A leaves: its child exits</source>
        <translation>A sai: o seu filho termina</translation>
    </message>
    <message>
        <source>A closes; its child&apos;s recv() returns 0 and the child calls _exit(). The parent learns it (here: the child&apos;s pipe closes) and calls waitpid() for that pid, which removes the exited child from the process table. With reaping switched off, it does not, and the child stays a zombie.</source>
        <translation>A fecha; o recv() do seu filho retorna 0 e o filho chama _exit(). O pai fica sabendo (aqui: o pipe do filho se fecha) e chama waitpid() para esse pid, o que remove o filho terminado da tabela de processos. Com o recolhimento desligado, ele não chama, e o filho fica zumbi.</translation>
    </message>
    <message>
        <source>Processes: A&apos;s child is gone (reaped), or a zombie when reaping is off.</source>
        <translation>Processos: o filho de A sumiu (recolhido), ou é um zumbi quando o recolhimento está desligado.</translation>
    </message>
</context>
<context>
    <name>IterativeLesson</name>
    <message>
        <source>Iterative TCP server: one client at a time</source>
        <translation>Servidor TCP iterativo: um cliente por vez</translation>
    </message>
    <message>
        <source>An iterative server</source>
        <translation>Um servidor iterativo</translation>
    </message>
    <message>
        <source>Event log: &quot;Listening on ... (TCP, iterative)&quot;.</source>
        <translation>Registro de eventos: &quot;Escutando em ... (TCP, iterativo)&quot;.</translation>
    </message>
    <message>
        <source>Client A connects and sends</source>
        <translation>O cliente A se conecta e envia</translation>
    </message>
    <message>
        <source>accept() returns A&apos;s connection and the server loops on recv() for A.</source>
        <translation>accept() retorna a conexão de A e o servidor fica no laço de recv() para A.</translation>
    </message>
    <message>
        <source>Sequence diagram: A&apos;s connect, the accept and A&apos;s message.</source>
        <translation>Diagrama de sequência: o connect de A, o accept e a mensagem de A.</translation>
    </message>
    <message>
        <source>Client B connects and sends: it waits</source>
        <translation>O cliente B se conecta e envia: ele espera</translation>
    </message>
    <message>
        <source>B&apos;s connect() succeeds: the system completes the handshake and puts the connection in the backlog. B&apos;s send() succeeds too, its bytes wait in the system. But the server is busy in recv() for A and does not accept B.</source>
        <translation>O connect() de B funciona: o sistema completa o handshake e coloca a conexão no backlog. O send() de B também funciona; os seus bytes esperam no sistema. Mas o servidor está ocupado em recv() para A e não aceita B.</translation>
    </message>
    <message>
        <source>Sequence diagram: B&apos;s message arrow stays open; the event log shows nothing from B.</source>
        <translation>Diagrama de sequência: a seta da mensagem de B fica aberta; o registro de eventos não mostra nada de B.</translation>
    </message>
    <message>
        <source>Client A leaves: now B is served</source>
        <translation>O cliente A sai: agora B é atendido</translation>
    </message>
    <message>
        <source>A closes. The server&apos;s recv() returns 0, it closes A&apos;s socket and goes back to accept(), which returns B&apos;s connection at once, with B&apos;s message already waiting.</source>
        <translation>A fecha. O recv() do servidor retorna 0, ele fecha o socket de A e volta ao accept(), que retorna na hora a conexão de B, com a mensagem de B já esperando.</translation>
    </message>
    <message>
        <source>Event log: B&apos;s message appears right after A&apos;s &quot;Ending connection&quot; line.</source>
        <translation>Registro de eventos: a mensagem de B aparece logo depois da linha &quot;Finalizando conexão&quot; de A.</translation>
    </message>
    <message>
        <source>Client B leaves</source>
        <translation>O cliente B sai</translation>
    </message>
    <message>
        <source>The server is free again and waits in accept() for the next client.</source>
        <translation>O servidor está livre de novo e espera em accept() pelo próximo cliente.</translation>
    </message>
    <message>
        <source>Processes: only the server&apos;s own thread serves, one client after the other.</source>
        <translation>Processos: só a própria thread do servidor atende, um cliente depois do outro.</translation>
    </message>
    <message>
        <source>B&apos;s first message was logged only after A&apos;s connection ended.</source>
        <translation>A primeira mensagem de B só foi registrada depois que a conexão de A terminou.</translation>
    </message>
    <message>
        <source>B&apos;s message has not been logged yet since A left.</source>
        <translation>A mensagem de B ainda não foi registrada desde a saída de A.</translation>
    </message>
    <message>
        <source>This server serves one connection at a time, itself: it calls accept() again only after the current client has left. listen(s, 1) keeps a short queue, the backlog, of connections the system completed for it.</source>
        <translation>Este servidor atende uma conexão por vez, ele mesmo: ele só chama accept() de novo depois que o cliente atual sai. listen(s, 1) mantém uma fila curta, o backlog, de conexões que o sistema completou para ele.</translation>
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
    <name>ProcStat</name>
    <message>
        <source>running</source>
        <translation>executando</translation>
    </message>
    <message>
        <source>sleeping in poll()</source>
        <translation>dormindo em poll()</translation>
    </message>
    <message>
        <source>sleeping in accept()</source>
        <translation>dormindo em accept()</translation>
    </message>
    <message>
        <source>sleeping in recv()</source>
        <translation>dormindo em recv()</translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation>dormindo</translation>
    </message>
    <message>
        <source>sleeping in %1</source>
        <translation>dormindo em %1</translation>
    </message>
    <message>
        <source>waiting (uninterruptible)</source>
        <translation>esperando (ininterruptível)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>parado</translation>
    </message>
    <message>
        <source>zombie (exited, not reaped)</source>
        <translation>zumbi (saiu, não recolhido)</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>morto</translation>
    </message>
    <message>
        <source>gone (reaped)</source>
        <translation>encerrado (recolhido)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
</context>
<context>
    <name>ProcessTracker</name>
    <message>
        <source>Server process</source>
        <translation>Processo servidor</translation>
    </message>
    <message>
        <source>recvfrom() loop thread</source>
        <translation>Thread do laço de recvfrom()</translation>
    </message>
    <message>
        <source>accept() loop thread</source>
        <translation>Thread do laço de accept()</translation>
    </message>
    <message>
        <source>Handler thread</source>
        <translation>Thread atendente</translation>
    </message>
    <message>
        <source>Child process</source>
        <translation>Processo filho</translation>
    </message>
    <message>
        <source>(every sender)</source>
        <translation>(todos os remetentes)</translation>
    </message>
</context>
<context>
    <name>RefusedLesson</name>
    <message>
        <source>Refused vs silent: nobody on the port</source>
        <translation>Recusa ou silêncio: ninguém na porta</translation>
    </message>
    <message>
        <source>TCP: connect to a closed port</source>
        <translation>TCP: conectar a uma porta fechada</translation>
    </message>
    <message>
        <source>The client connects to a port where nothing listens. The system on the other side answers the handshake with a reset, so connect() fails at once with &quot;connection refused&quot;.</source>
        <translation>O cliente se conecta a uma porta onde ninguém escuta. O sistema do outro lado responde ao handshake com um reset, então connect() falha na hora com &quot;conexão recusada&quot;.</translation>
    </message>
    <message>
        <source>Event log: connect() failed: Connection refused, within milliseconds.</source>
        <translation>Registro de eventos: connect() falhou: Conexão recusada, em milissegundos.</translation>
    </message>
    <message>
        <source>UDP: send to a closed port</source>
        <translation>UDP: enviar para uma porta fechada</translation>
    </message>
    <message>
        <source>Event log: sendto() returned 7 bytes; the server logs nothing.</source>
        <translation>Registro de eventos: sendto() retornou 7 bytes; o servidor não registra nada.</translation>
    </message>
    <message>
        <source>TCP connect() refused after %1 ms. UDP sendto() returned %2; datagrams the server received: %3.</source>
        <translation>TCP: connect() recusado após %1 ms. UDP: sendto() retornou %2; datagramas recebidos pelo servidor: %3.</translation>
    </message>
    <message>
        <source>A UDP server waits on one port; the client sends to another one (a typo in the port number), where nothing listens. sendto() &quot;succeeds&quot;: it only hands the datagram to the system. Nothing arrives, and without a connected socket the client is never told.</source>
        <translation>Um servidor UDP espera numa porta; o cliente envia para outra (um erro de digitação no número da porta), onde ninguém escuta. sendto() &quot;funciona&quot;: ele só entrega o datagrama ao sistema. Nada chega, e sem um socket conectado o cliente nunca fica sabendo.</translation>
    </message>
</context>
<context>
    <name>SequenceModel</name>
    <message>
        <source>Client %1</source>
        <translation>Cliente %1</translation>
    </message>
    <message>
        <source>Other client</source>
        <translation>Outro cliente</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Ninguém</translation>
    </message>
    <message>
        <source>%1: nobody reads it</source>
        <translation>%1: ninguém lê</translation>
    </message>
    <message>
        <source>connect(): SYN</source>
        <translation>connect(): SYN</translation>
    </message>
    <message>
        <source>RST</source>
        <translation>RST</translation>
    </message>
    <message>
        <source>%1() failed: %2</source>
        <translation>%1() falhou: %2</translation>
    </message>
    <message>
        <source>connect()</source>
        <translation>connect()</translation>
    </message>
    <message>
        <source>recv(): %1</source>
        <translation>recv(): %1</translation>
    </message>
    <message>
        <source>close()</source>
        <translation>close()</translation>
    </message>
    <message>
        <source>recv() = 0, close()</source>
        <translation>recv() = 0, close()</translation>
    </message>
    <message>
        <source>bind(): %1</source>
        <translation>bind(): %1</translation>
    </message>
    <message>
        <source>listen(): %1</source>
        <translation>listen(): %1</translation>
    </message>
    <message>
        <source>accept(): %1</source>
        <translation>accept(): %1</translation>
    </message>
    <message>
        <source>recv(): %1 (%2)</source>
        <translation>recv(): %1 (%2)</translation>
    </message>
    <message>
        <source>thread %1 finished</source>
        <translation>thread %1 terminou</translation>
    </message>
    <message>
        <source>waitpid(): child %1 reaped</source>
        <translation>waitpid(): filho %1 recolhido</translation>
    </message>
    <message>
        <source>counter = %1 (%2)</source>
        <translation>counter = %1 (%2)</translation>
    </message>
    <message>
        <source>server stopped</source>
        <translation>servidor parado</translation>
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
    <message>
        <source>Waiting in poll() on %1 and %2 connections, all served by one thread</source>
        <translation>Esperando em poll() em %1 e em %2 conexões, todas atendidas por uma só thread</translation>
    </message>
</context>
<context>
    <name>SharedMemoryLesson</name>
    <message>
        <source>Threads share memory, forked children do not</source>
        <translation>Threads compartilham memória, filhos de fork não</translation>
    </message>
    <message>
        <source>A thread per connection</source>
        <translation>Uma thread por conexão</translation>
    </message>
    <message>
        <source>This server starts a thread for each accepted connection. Each thread, on each message, adds one to a counter that lives in the server process.</source>
        <translation>Este servidor inicia uma thread para cada conexão aceita. Cada thread, a cada mensagem, soma um a um contador que fica no processo servidor.</translation>
    </message>
    <message>
        <source>Processes: the server process and its accept thread.</source>
        <translation>Processos: o processo servidor e a sua thread de accept.</translation>
    </message>
    <message>
        <source>Three clients, three threads, one counter</source>
        <translation>Três clientes, três threads, um contador</translation>
    </message>
    <message>
        <source>Three clients send one message each. Three threads with three thread ids increment the same variable: it counts 1, 2, 3.</source>
        <translation>Três clientes enviam uma mensagem cada. Três threads, com três ids de thread, incrementam a mesma variável: ela conta 1, 2, 3.</translation>
    </message>
    <message>
        <source>Event log: &quot;++counter() -&gt; 1&quot;, 2, 3 from different threads.</source>
        <translation>Registro de eventos: &quot;++counter() -&gt; 1&quot;, 2, 3 vindos de threads diferentes.</translation>
    </message>
    <message>
        <source>The same with fork()</source>
        <translation>O mesmo com fork()</translation>
    </message>
    <message>
        <source>The server restarts in fork mode and three new clients send one message each. fork() copies the parent&apos;s memory: each child increments its own copy, which starts at the parent&apos;s value, 0.</source>
        <translation>O servidor reinicia no modo fork e três novos clientes enviam uma mensagem cada. fork() copia a memória do pai: cada filho incrementa a sua própria cópia, que começa com o valor do pai, 0.</translation>
    </message>
    <message>
        <source>Event log: every child says &quot;++counter() -&gt; 1&quot;.</source>
        <translation>Registro de eventos: todo filho diz &quot;++counter() -&gt; 1&quot;.</translation>
    </message>
    <message>
        <source>The parent&apos;s counter did not move</source>
        <translation>O contador do pai não mudou</translation>
    </message>
    <message>
        <source>The server process&apos;s own counter is still 0: what a child changes stays in the child. Processes that must share data need pipes, sockets or shared memory set up on purpose.</source>
        <translation>O contador do próprio processo servidor ainda é 0: o que um filho muda fica no filho. Processos que devem compartilhar dados precisam de pipes, sockets ou memória compartilhada, criados para isso.</translation>
    </message>
    <message>
        <source>Processes: the server process&apos;s counter value.</source>
        <translation>Processos: o valor do contador do processo servidor.</translation>
    </message>
    <message>
        <source>Threads: the server&apos;s counter reached %1. Children: each counted to 1; the server&apos;s counter is %2.</source>
        <translation>Threads: o contador do servidor chegou a %1. Filhos: cada um contou até 1; o contador do servidor está em %2.</translation>
    </message>
</context>
<context>
    <name>SocketStateReader</name>
    <message>
        <source>Could not read the kernel&apos;s socket table (sock_diag): %1</source>
        <translation>Não foi possível ler a tabela de sockets do kernel (sock_diag): %1</translation>
    </message>
</context>
<context>
    <name>TcpBasicsLesson</name>
    <message>
        <source>TCP basics: the call sequences</source>
        <translation>TCP básico: as sequências de chamadas</translation>
    </message>
    <message>
        <source>Server: socket, bind, listen</source>
        <translation>Servidor: socket, bind, listen</translation>
    </message>
    <message>
        <source>The server resolves the protocol (step 1), makes a socket (2), binds a local address and port (3) and calls listen() (4). A socket is created active; listen() makes it passive: it will only accept connections.</source>
        <translation>O servidor resolve o protocolo (passo 1), cria um socket (2), associa um endereço e uma porta locais (3) e chama listen() (4). Um socket é criado ativo; listen() o torna passivo: ele só vai aceitar conexões.</translation>
    </message>
    <message>
        <source>Event log: the calls [1] to [4] with their results.</source>
        <translation>Registro de eventos: as chamadas [1] a [4] com os seus resultados.</translation>
    </message>
    <message>
        <source>Server: waiting in accept()</source>
        <translation>Servidor: esperando em accept()</translation>
    </message>
    <message>
        <source>Step 5: accept() waits for a client. Nothing else happens in the server until one connects.</source>
        <translation>Passo 5: accept() espera um cliente. Nada mais acontece no servidor até que um se conecte.</translation>
    </message>
    <message>
        <source>Processes: the server thread is sleeping.</source>
        <translation>Processos: a thread do servidor está dormindo.</translation>
    </message>
    <message>
        <source>Client: resolve, socket, connect</source>
        <translation>Cliente: resolver, socket, connect</translation>
    </message>
    <message>
        <source>The client resolves the host name (1) and the protocol (2), makes an active socket (3) and calls connect() (4). The three-way handshake completes and the server&apos;s accept() returns a new socket for this client.</source>
        <translation>O cliente resolve o nome do host (1) e o protocolo (2), cria um socket ativo (3) e chama connect() (4). O handshake de três vias se completa e o accept() do servidor retorna um novo socket para este cliente.</translation>
    </message>
    <message>
        <source>Sequence diagram: the connect arrow and the server&apos;s accept.</source>
        <translation>Diagrama de sequência: a seta do connect e o accept do servidor.</translation>
    </message>
    <message>
        <source>Client sends, server receives</source>
        <translation>O cliente envia, o servidor recebe</translation>
    </message>
    <message>
        <source>The client&apos;s send() (5) puts bytes on the connection; the server&apos;s recv() (6) returns them, at most 1024 bytes at a time.</source>
        <translation>O send() do cliente (5) coloca bytes na conexão; o recv() do servidor (6) os retorna, no máximo 1024 bytes por vez.</translation>
    </message>
    <message>
        <source>Sequence diagram: the message arrow; event log: recv() returned 5 bytes.</source>
        <translation>Diagrama de sequência: a seta da mensagem; registro de eventos: recv() retornou 5 bytes.</translation>
    </message>
    <message>
        <source>Client closes, server closes</source>
        <translation>O cliente fecha, o servidor fecha</translation>
    </message>
    <message>
        <source>The client calls close() (6). The server&apos;s recv() returns 0: the peer closed the connection. The server closes its socket for this client (7).</source>
        <translation>O cliente chama close() (6). O recv() do servidor retorna 0: o outro lado fechou a conexão. O servidor fecha o seu socket para este cliente (7).</translation>
    </message>
    <message>
        <source>Event log: &quot;recv() -&gt; 0 (the peer closed the connection)&quot;, then close().</source>
        <translation>Registro de eventos: &quot;recv() -&gt; 0 (o outro lado fechou a conexão)&quot;, depois close().</translation>
    </message>
    <message>
        <source>Server: back to accept()</source>
        <translation>Servidor: de volta ao accept()</translation>
    </message>
    <message>
        <source>Step 8: the server goes back to step 5 and waits for the next client. The listening socket was never used to talk: it only accepts.</source>
        <translation>Passo 8: o servidor volta ao passo 5 e espera o próximo cliente. O socket que escuta nunca foi usado para conversar: ele só aceita.</translation>
    </message>
    <message>
        <source>Code: the highlighted line is accept() again.</source>
        <translation>Código: a linha destacada é accept() de novo.</translation>
    </message>
    <message>
        <source>listen(), then accept(), then recv() returned 0 when the client closed.</source>
        <translation>listen(), depois accept(), depois recv() retornou 0 quando o cliente fechou.</translation>
    </message>
    <message>
        <source>The call sequence is not complete yet.</source>
        <translation>A sequência de chamadas ainda não está completa.</translation>
    </message>
</context>
<context>
    <name>UdpLesson</name>
    <message>
        <source>UDP: datagrams without connections</source>
        <translation>UDP: datagramas sem conexões</translation>
    </message>
    <message>
        <source>A UDP server binds a port</source>
        <translation>Um servidor UDP faz o bind de uma porta</translation>
    </message>
    <message>
        <source>The server makes a datagram socket and binds it to a local address and port. There is no listen() and no accept(): UDP has no connections.</source>
        <translation>O servidor cria um socket de datagramas e faz o bind dele a um endereço e uma porta locais. Não há listen() nem accept(): o UDP não tem conexões.</translation>
    </message>
    <message>
        <source>Event log: &quot;Waiting for datagrams on ...&quot;.</source>
        <translation>Registro de eventos: &quot;Aguardando datagramas em ...&quot;.</translation>
    </message>
    <message>
        <source>The server waits in recvfrom()</source>
        <translation>O servidor espera em recvfrom()</translation>
    </message>
    <message>
        <source>One call serves every sender: recvfrom() returns the next datagram, whoever sent it, together with the sender&apos;s address.</source>
        <translation>Uma só chamada atende todos os remetentes: recvfrom() retorna o próximo datagrama, seja quem for que o enviou, junto com o endereço do remetente.</translation>
    </message>
    <message>
        <source>Processes: the server&apos;s receive thread is sleeping until a datagram comes.</source>
        <translation>Processos: a thread de recepção do servidor dorme até chegar um datagrama.</translation>
    </message>
    <message>
        <source>Client A sends a datagram</source>
        <translation>O cliente A envia um datagrama</translation>
    </message>
    <message>
        <source>Client A makes its own datagram socket and sends at once: no connect(), no handshake. The system gives it an ephemeral port on its first send.</source>
        <translation>O cliente A cria o seu próprio socket de datagramas e envia na hora: sem connect(), sem handshake. O sistema lhe dá uma porta efêmera no primeiro envio.</translation>
    </message>
    <message>
        <source>Sequence diagram: one arrow from client A to the server, with no connect before it.</source>
        <translation>Diagrama de sequência: uma seta do cliente A para o servidor, sem connect antes dela.</translation>
    </message>
    <message>
        <source>Client B sends a datagram</source>
        <translation>O cliente B envia um datagrama</translation>
    </message>
    <message>
        <source>A second client sends to the same server socket. The server tells the two apart only by the address each datagram came from.</source>
        <translation>Um segundo cliente envia para o mesmo socket do servidor. O servidor distingue os dois só pelo endereço de onde veio cada datagrama.</translation>
    </message>
    <message>
        <source>Event log: the two lines show different client addresses (different ports).</source>
        <translation>Registro de eventos: as duas linhas mostram endereços de cliente diferentes (portas diferentes).</translation>
    </message>
    <message>
        <source>Client A sends again</source>
        <translation>O cliente A envia de novo</translation>
    </message>
    <message>
        <source>Nothing was kept between A&apos;s two datagrams: the server simply receives another datagram from the same address.</source>
        <translation>Nada foi guardado entre os dois datagramas de A: o servidor simplesmente recebe outro datagrama do mesmo endereço.</translation>
    </message>
    <message>
        <source>Event log: A&apos;s second line has the same address as its first.</source>
        <translation>Registro de eventos: a segunda linha de A tem o mesmo endereço que a primeira.</translation>
    </message>
    <message>
        <source>%1 different senders, %2 connections accepted.</source>
        <translation>%1 remetentes diferentes, %2 conexões aceitas.</translation>
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
        <source>Unknown language: %1 (use en or pt_BR)</source>
        <translation>Idioma desconhecido: %1 (use en ou pt_BR)</translation>
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
    <message>
        <source>Kernel</source>
        <translation>Kernel</translation>
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
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>waiting in the backlog (not accepted yet)</source>
        <translation>esperando no backlog (ainda não aceita)</translation>
    </message>
    <message>
        <source>The kernel completed this client&apos;s handshake and keeps it in the listening socket&apos;s accept queue: the server has not called accept() for it yet.</source>
        <translation>O kernel completou o handshake deste cliente e o mantém na fila de aceitação do socket que escuta: o servidor ainda não chamou accept() para ele.</translation>
    </message>
    <message>
        <source>Recv-Q: bytes that arrived and the server has not read yet</source>
        <translation>Fila de recepção (Recv-Q): bytes que chegaram e o servidor ainda não leu</translation>
    </message>
    <message>
        <source>Send-Q: bytes sent that the other side has not acknowledged yet</source>
        <translation>Fila de envio (Send-Q): bytes enviados que o outro lado ainda não confirmou</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Recv-Q</source>
        <translation>Fila rec.</translation>
    </message>
    <message>
        <source>Send-Q</source>
        <translation>Fila env.</translation>
    </message>
    <message>
        <source>The side that closed first keeps the connection in TIME_WAIT for a while, so late packets cannot be taken for a new connection; the kernel drops it when the countdown ends.</source>
        <translation>O lado que fechou primeiro mantém a conexão em TIME_WAIT por um tempo, para que pacotes atrasados não sejam confundidos com uma nova conexão; o kernel a descarta quando a contagem termina.</translation>
    </message>
    <message>
        <source>CLOSE_WAIT: the client closed its side; the server has not called close() yet.</source>
        <translation>CLOSE_WAIT: o cliente fechou o seu lado; o servidor ainda não chamou close().</translation>
    </message>
    <message>
        <source>The connection&apos;s TCP state as the kernel reports it (server side).</source>
        <translation>O estado TCP da conexão como o kernel o informa (lado do servidor).</translation>
    </message>
    <message>
        <source>left: the server closed first</source>
        <translation>saiu: o servidor fechou primeiro</translation>
    </message>
    <message>
        <source>left: the client closed first</source>
        <translation>saiu: o cliente fechou primeiro</translation>
    </message>
    <message>
        <source>left</source>
        <translation>saiu</translation>
    </message>
</context>
<context>
    <name>socketlab::EventListModel</name>
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
    <message>
        <source>Merged</source>
        <translation>Agrupado</translation>
    </message>
    <message>
        <source>TCP state</source>
        <translation>Estado TCP</translation>
    </message>
</context>
<context>
    <name>socketlab::EventLogView</name>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>%1  %2: %3</source>
        <translation>%1  %2: %3</translation>
    </message>
    <message>
        <source>Server, %1</source>
        <translation>Servidor, %1</translation>
    </message>
</context>
<context>
    <name>socketlab::LessonWindow</name>
    <message>
        <source>SocketLab lessons</source>
        <translation>Lições do SocketLab</translation>
    </message>
    <message>
        <source>Lesson:</source>
        <translation>Lição:</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Voltar</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Próximo &gt;</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Recomeçar</translation>
    </message>
    <message>
        <source>Export PNG...</source>
        <translation>Exportar PNG...</translation>
    </message>
    <message>
        <source>Export SVG...</source>
        <translation>Exportar SVG...</translation>
    </message>
    <message>
        <source>Sequence diagram</source>
        <translation>Diagrama de sequência</translation>
    </message>
    <message>
        <source>Processes and event log</source>
        <translation>Processos e registro de eventos</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Processos</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Registro de eventos</translation>
    </message>
    <message>
        <source>The same calls in code</source>
        <translation>As mesmas chamadas em código</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Passo %1 de %2: %3</translation>
    </message>
    <message>
        <source>Look at: %1</source>
        <translation>Observe: %1</translation>
    </message>
    <message>
        <source>Working...</source>
        <translation>Executando...</translation>
    </message>
    <message>
        <source>This step did not finish in time; press Restart to run the lesson again.</source>
        <translation>Este passo não terminou a tempo; clique em Recomeçar para executar a lição de novo.</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Resultado: %1</translation>
    </message>
    <message>
        <source>Done. Press Next to go on.</source>
        <translation>Pronto. Clique em Próximo para continuar.</translation>
    </message>
    <message>
        <source>Export the diagram as PNG</source>
        <translation>Exportar o diagrama como PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imagens PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Não foi possível gravar %1.</translation>
    </message>
    <message>
        <source>Export the diagram as SVG</source>
        <translation>Exportar o diagrama como SVG</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>Imagens SVG (*.svg)</translation>
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
    <message>
        <source>Lesso&amp;ns</source>
        <translation>Liçõe&amp;s</translation>
    </message>
    <message>
        <source>&amp;Guided lessons...</source>
        <translation>Lições &amp;guiadas...</translation>
    </message>
    <message>
        <source>Step-by-step classroom demos with a sequence diagram and the server&apos;s processes</source>
        <translation>Demonstrações passo a passo para a aula, com diagrama de sequência e os processos do servidor</translation>
    </message>
</context>
<context>
    <name>socketlab::ProcessView</name>
    <message>
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <source>TCP connections in TIME_WAIT on port %1: %2</source>
        <translation>Conexões TCP em TIME_WAIT na porta %1: %2</translation>
    </message>
    <message>
        <source>The counter in the server process: %1</source>
        <translation>O contador no processo servidor: %1</translation>
    </message>
    <message>
        <source>pid</source>
        <translation>pid</translation>
    </message>
    <message>
        <source>tid</source>
        <translation>tid</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Process or thread</source>
        <translation>Processo ou thread</translation>
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
    <message>
        <source>Student %1</source>
        <translation>Aluno %1</translation>
    </message>
    <message>
        <source>accept queue %1 of %2</source>
        <translation>fila de aceitação %1 de %2</translation>
    </message>
    <message>
        <source>Clients whose handshake the kernel completed and that wait for accept(), against the listen() backlog. Linux accepts backlog + 1: with a backlog of %1, %2 clients can wait; the next one&apos;s SYN is ignored and retried.</source>
        <translation>Clientes cujo handshake o kernel completou e que esperam o accept(), comparados ao backlog do listen(). O Linux aceita backlog + 1: com um backlog de %1, %2 clientes podem esperar; o SYN do seguinte é ignorado e reenviado.</translation>
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
    <message>
        <source>Poll</source>
        <translation>Poll</translation>
    </message>
    <message>
        <source>One thread serves every connection: it waits on the listening socket and all connections at once with poll()</source>
        <translation>Uma thread atende todas as conexões: ela espera no socket de escuta e em todas as conexões ao mesmo tempo com poll()</translation>
    </message>
</context>
</TS>
