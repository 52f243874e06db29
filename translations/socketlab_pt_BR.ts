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
        <source>Restart on the same port: bind() fails</source>
        <translation>Reiniciar na mesma porta: bind() falha</translation>
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
    <message>
        <source>the second server only:</source>
        <translation>só o segundo servidor:</translation>
    </message>
    <message>
        <source>fails: EADDRINUSE</source>
        <translation>falha: EADDRINUSE (endereço em uso)</translation>
    </message>
    <message>
        <source>the server closes first</source>
        <translation>o servidor fecha primeiro</translation>
    </message>
    <message>
        <source>fails: OSError: Address already in use</source>
        <translation>falha: OSError (endereço já em uso)</translation>
    </message>
    <message>
        <source>Without SO_REUSEADDR: %1. With it: %2. In TIME_WAIT on the port at the failed restart: %3.</source>
        <translation>Sem SO_REUSEADDR: %1. Com ele: %2. Em TIME_WAIT na porta quando o reinício falhou: %3.</translation>
    </message>
    <message>
        <source>none seen</source>
        <translation>nenhum visto</translation>
    </message>
    <message>
        <source>Kernel: the server&apos;s side of the connection, now in TIME_WAIT, with its countdown; no listening socket is left.</source>
        <translation>Kernel: o lado do servidor da conexão, agora em TIME_WAIT, com a sua contagem regressiva; não resta nenhum socket escutando.</translation>
    </message>
    <message>
        <source>The restarted server&apos;s bind() fails with &quot;Address already in use&quot;: the connection in TIME_WAIT still holds the port, although no program owns it any more. The kernel view lists it, with the seconds it has left.</source>
        <translation>O bind() do servidor reiniciado falha com &quot;Address already in use&quot; (endereço já em uso): a conexão em TIME_WAIT ainda ocupa a porta, embora nenhum programa seja mais dono dela. A visão do kernel a lista, com os segundos que lhe restam.</translation>
    </message>
    <message>
        <source>Event log: bind() failed: Address already in use. Kernel: the TIME_WAIT socket that holds the port.</source>
        <translation>Registro de eventos: bind() falhou: Address already in use. Kernel: o socket em TIME_WAIT que ocupa a porta.</translation>
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
        <source>client: three sends in a row</source>
        <translation>cliente: três envios seguidos</translation>
    </message>
    <message>
        <source>TCP server</source>
        <translation>servidor TCP</translation>
    </message>
    <message>
        <source>UDP server</source>
        <translation>servidor UDP</translation>
    </message>
    <message>
        <source>TCP: 3 sends arrived as one recv() chunk, %1 bytes in all. UDP: %2 datagrams.</source>
        <translation>TCP: 3 envios chegaram em um só pedaço de recv(), %1 bytes ao todo. UDP: %2 datagramas.</translation>
    </message>
    <message numerus="yes">
        <source>TCP: 3 sends arrived as %n recv() chunks, %1 bytes in all. UDP: %2 datagrams.</source>
        <translation>
            <numerusform>TCP: 3 envios chegaram em %n pedaços de recv(), %1 bytes ao todo. UDP: %2 datagramas.</numerusform>
            <numerusform>TCP: 3 envios chegaram em %n pedaços de recv(), %1 bytes ao todo. UDP: %2 datagramas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CapturePermission</name>
    <message>
        <source>Capturing packets is not allowed for this user here. To allow it on Debian, let Wireshark&apos;s dumpcap capture for its group and join that group: &quot;sudo dpkg-reconfigure wireshark-common&quot; (answer Yes), then &quot;sudo usermod -aG wireshark $USER&quot; and log in again.</source>
        <translation>Capturar pacotes não é permitido para este usuário aqui. Para permitir no Debian, deixe o dumpcap do Wireshark capturar para o seu grupo e entre nesse grupo: &quot;sudo dpkg-reconfigure wireshark-common&quot; (responda Sim), depois &quot;sudo usermod -aG wireshark $USER&quot; e entre de novo na sessão.</translation>
    </message>
</context>
<context>
    <name>CheckRubric</name>
    <message>
        <source>The C program compiles.</source>
        <translation>O programa em C compila.</translation>
    </message>
    <message>
        <source>The C program does not compile, so it could not be run.</source>
        <translation>O programa em C não compila, então não pôde ser executado.</translation>
    </message>
    <message>
        <source>fix the first error the compiler names (file:line).</source>
        <translation>corrija o primeiro erro que o compilador aponta (arquivo:linha).</translation>
    </message>
    <message>
        <source>The client calls socket(), then sendto(), as the recipe&apos;s UDP client.</source>
        <translation>O cliente chama socket() e depois sendto(), como o cliente UDP da receita.</translation>
    </message>
    <message>
        <source>The client calls socket(), connect(), then send(), in the recipe&apos;s order.</source>
        <translation>O cliente chama socket(), connect() e depois send(), na ordem da receita.</translation>
    </message>
    <message>
        <source>The trace shows no %1() in the recipe&apos;s order.</source>
        <translation>O rastro não mostra %1() na ordem da receita.</translation>
    </message>
    <message>
        <source>create a datagram socket and sendto() each line to the server&apos;s address.</source>
        <translation>crie um socket de datagramas e envie cada linha com sendto() ao endereço do servidor.</translation>
    </message>
    <message>
        <source>create the socket, connect() to the server, then send() each line.</source>
        <translation>crie o socket, faça connect() ao servidor e depois send() de cada linha.</translation>
    </message>
    <message>
        <source>The client reaches the server on port %1.</source>
        <translation>O cliente alcança o servidor na porta %1.</translation>
    </message>
    <message>
        <source>The client never called %1().</source>
        <translation>O cliente nunca chamou %1().</translation>
    </message>
    <message>
        <source>The client did not reach the server on port %1.</source>
        <translation>O cliente não alcançou o servidor na porta %1.</translation>
    </message>
    <message>
        <source>%1() to port %2 of the server&apos;s address (the recipe&apos;s HOST and PORT).</source>
        <translation>faça %1() para a porta %2 do endereço do servidor (HOST e PORT da receita).</translation>
    </message>
    <message>
        <source>SocketLab&apos;s server received &quot;%1&quot;</source>
        <translation>O servidor do SocketLab recebeu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Every line typed reached the server.</source>
        <translation>Cada linha digitada chegou ao servidor.</translation>
    </message>
    <message>
        <source>read each line typed (input() in Python, fgets() in C) and send it.</source>
        <translation>leia cada linha digitada (input() em Python, fgets() em C) e envie-a.</translation>
    </message>
    <message>
        <source>send each line once, as soon as it is typed: one %1() per line.</source>
        <translation>envie cada linha uma vez, assim que for digitada: um %1() por linha.</translation>
    </message>
    <message>
        <source>The check ended before the Ctrl+X line could be typed.</source>
        <translation>A verificação terminou antes que a linha com Ctrl+X pudesse ser digitada.</translation>
    </message>
    <message>
        <source>The program sent the Ctrl+X line to the server instead of stopping.</source>
        <translation>O programa enviou a linha com Ctrl+X ao servidor em vez de parar.</translation>
    </message>
    <message>
        <source>compare each line with &apos;\x18&apos; before sending it, and leave the loop when they match.</source>
        <translation>compare cada linha com &apos;\x18&apos; antes de enviá-la e saia do laço quando forem iguais.</translation>
    </message>
    <message>
        <source>After the Ctrl+X line the program kept running, and SocketLab stopped it.</source>
        <translation>Depois da linha com Ctrl+X o programa continuou rodando, e o SocketLab o encerrou.</translation>
    </message>
    <message>
        <source>leave the loop when the line is &apos;\x18&apos; (Ctrl+X), close the socket and end.</source>
        <translation>saia do laço quando a linha for &apos;\x18&apos; (Ctrl+X), feche o socket e termine.</translation>
    </message>
    <message>
        <source>The program ends at the Ctrl+X line.</source>
        <translation>O programa termina na linha com Ctrl+X.</translation>
    </message>
    <message>
        <source>The program closes its socket.</source>
        <translation>O programa fecha seu socket.</translation>
    </message>
    <message>
        <source>The program never called close() on its socket.</source>
        <translation>O programa nunca chamou close() no seu socket.</translation>
    </message>
    <message>
        <source>close() the socket before the program ends (the recipe&apos;s tcp.close()).</source>
        <translation>chame close() no socket antes de o programa terminar (o tcp.close() da receita).</translation>
    </message>
    <message>
        <source>The check did not finish within the time limit of %1 seconds, so SocketLab stopped the program.</source>
        <translation>A verificação não terminou dentro do limite de tempo de %1 segundos, então o SocketLab encerrou o programa.</translation>
    </message>
    <message>
        <source>get to accept() (or recvfrom()) quickly and answer each client as it comes; look for a loop that never waits.</source>
        <translation>chegue logo ao accept() (ou recvfrom()) e atenda cada cliente quando ele chegar; procure um laço que nunca espera.</translation>
    </message>
    <message>
        <source>end after the Ctrl+X line; look for a loop that never waits or never ends.</source>
        <translation>termine depois da linha com Ctrl+X; procure um laço que nunca espera ou nunca termina.</translation>
    </message>
    <message>
        <source>Everything was checked within the time limit of %1 seconds.</source>
        <translation>Tudo foi verificado dentro do limite de tempo de %1 segundos.</translation>
    </message>
    <message>
        <source>The program made processes without bound, past the limit, and SocketLab stopped it.</source>
        <translation>O programa criou processos sem limite, além do permitido, e o SocketLab o encerrou.</translation>
    </message>
    <message>
        <source>fork() once per accepted client, only after accept(), and end the child (exit) when its client leaves.</source>
        <translation>faça fork() uma vez por cliente aceito, só depois do accept(), e termine o filho (exit) quando o cliente dele sair.</translation>
    </message>
    <message>
        <source>The program stayed within the limit on processes.</source>
        <translation>O programa ficou dentro do limite de processos.</translation>
    </message>
    <message>
        <source>The program wrote more than its folder may hold (%1 MiB per file), and its writes were refused.</source>
        <translation>O programa escreveu mais do que sua pasta comporta (%1 MiB por arquivo), e suas escritas foram recusadas.</translation>
    </message>
    <message>
        <source>a socket program has no need to write big files: look for a write in a loop that never ends.</source>
        <translation>um programa de sockets não precisa gravar arquivos grandes: procure uma escrita num laço que nunca termina.</translation>
    </message>
    <message>
        <source>The program stayed within the limit on files.</source>
        <translation>O programa ficou dentro do limite de arquivos.</translation>
    </message>
    <message numerus="yes">
        <source>SocketLab&apos;s server received %1 of the %n line(s) typed.</source>
        <translation>
            <numerusform>O servidor do SocketLab recebeu %1 da %n linha digitada.</numerusform>
            <numerusform>O servidor do SocketLab recebeu %1 das %n linhas digitadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n line(s) typed went out in one %1() each.</source>
        <translation>
            <numerusform>A %n linha digitada saiu em um único %1().</numerusform>
            <numerusform>As %n linhas digitadas saíram cada uma em um único %1().</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lines typed: %n; calls that sent them: %1.</source>
        <translation>
            <numerusform>Linhas digitadas: %n; chamadas que as enviaram: %1.</numerusform>
            <numerusform>Linhas digitadas: %n; chamadas que as enviaram: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliCapture</name>
    <message>
        <source>The capture missed %1 packets: the kernel dropped them while SocketLab could not keep up (the file and the packet events lack them).</source>
        <translation>A captura perdeu %1 pacotes: o kernel os descartou enquanto o SocketLab não conseguia acompanhar (o arquivo e os eventos de pacote não os têm).</translation>
    </message>
</context>
<context>
    <name>CliCheckBatch</name>
    <message>
        <source>Invalid value for --%1: &quot;%2&quot;.</source>
        <translation>Valor inválido para --%1: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Skipped %1: not a .py or .c file, nor a folder with an executable &quot;run&quot;.</source>
        <translation>%1 ignorado: não é um arquivo .py ou .c, nem uma pasta com um executável &quot;run&quot;.</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 de %2: %3</translation>
    </message>
    <message>
        <source>The system&apos;s C compiler (cc) cannot be run: %1</source>
        <translation>O compilador C do sistema (cc) não pode ser executado: %1</translation>
    </message>
    <message>
        <source>The compiler took longer than %1 seconds.</source>
        <translation>O compilador levou mais de %1 segundos.</translation>
    </message>
    <message>
        <source>Cannot make a folder for %1: %2</source>
        <translation>Não foi possível criar uma pasta para %1: %2</translation>
    </message>
    <message>
        <source>Cannot copy %1 to %2.</source>
        <translation>Não foi possível copiar %1 para %2.</translation>
    </message>
    <message>
        <source>The check of %1 ended without a result.</source>
        <translation>A verificação de %1 terminou sem resultado.</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>entrada</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>aprovados</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>reprovados</translation>
    </message>
    <message>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Não foi possível gravar %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n item(s) passed</source>
        <translation>
            <numerusform>%1: %2 de %n item aprovado</numerusform>
            <numerusform>%1: %2 de %n itens aprovados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliCheckRunner</name>
    <message>
        <source>passed</source>
        <translation>aprovado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>reprovado</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>não se aplica</translation>
    </message>
    <message>
        <source>%1  %2: %3</source>
        <translation>%1  %2: %3</translation>
    </message>
    <message>
        <source>Evidence: %1.</source>
        <translation>Evidências: %1.</translation>
    </message>
    <message>
        <source>Program not found: %1</source>
        <translation>Programa não encontrado: %1</translation>
    </message>
    <message>
        <source>%1 cannot be run by the user &quot;nobody&quot;, whom the check runs programs as when started by root: put it (and its interpreter) where every user may read and run it.</source>
        <translation>%1 não pode ser executado pelo usuário &quot;nobody&quot;, com quem a verificação roda os programas quando iniciada pelo root: coloque-o (e o seu interpretador) onde todo usuário possa lê-lo e executá-lo.</translation>
    </message>
    <message>
        <source>Cannot make a folder for the program: %1</source>
        <translation>Não foi possível criar uma pasta para o programa: %1</translation>
    </message>
    <message>
        <source>Cannot start the check: %1</source>
        <translation>Não foi possível iniciar a verificação: %1</translation>
    </message>
    <message>
        <source>The check itself ended abnormally (signal %1); the program was stopped with it.</source>
        <translation>A própria verificação terminou de forma anormal (sinal %1); o programa foi encerrado junto.</translation>
    </message>
    <message numerus="yes">
        <source>Score: %1 of %n item(s) passed (items that do not apply are not counted).</source>
        <translation>
            <numerusform>Nota: %1 de %n item aprovado (itens que não se aplicam não contam).</numerusform>
            <numerusform>Nota: %1 de %n itens aprovados (itens que não se aplicam não contam).</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Não foi possível gravar %1: %2</translation>
    </message>
    <message>
        <source>Item %1 was decided while the program ran, but the whole run decides it otherwise; the earlier result stands.</source>
        <translation>O item %1 foi decidido enquanto o programa rodava, mas a execução inteira o decide de outro modo; vale o resultado anterior.</translation>
    </message>
    <message numerus="yes">
        <source>Interrupted: the program was stopped, %n item(s) not decided.</source>
        <translation>
            <numerusform>Interrompida: o programa foi encerrado, %n item não foi decidido.</numerusform>
            <numerusform>Interrompida: o programa foi encerrado, %n itens não foram decididos.</numerusform>
        </translation>
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
        <source>Sockets: sample every MS milliseconds and print the changes until interrupted.</source>
        <translation>Sockets: amostra a cada MS milissegundos e mostra as mudanças até ser interrompido.</translation>
    </message>
    <message>
        <source>Server: SO_RCVBUF in bytes for the listening (or UDP) socket; Linux doubles it.</source>
        <translation>Servidor: SO_RCVBUF em bytes para o socket que escuta (ou o UDP); o Linux dobra o valor.</translation>
    </message>
    <message>
        <source>Client: set TCP_NODELAY (small sends leave at once, no Nagle). TCP only.</source>
        <translation>Cliente: define TCP_NODELAY (envios pequenos saem na hora, sem Nagle). Só TCP.</translation>
    </message>
    <message>
        <source>Client: end with shutdown(SHUT_WR) and read until the server closes. TCP only.</source>
        <translation>Cliente: termina com shutdown(SHUT_WR) e lê até o servidor fechar. Só TCP.</translation>
    </message>
    <message>
        <source>Client: end with SO_LINGER {1, 0} and close(), an RST instead of a FIN. TCP only.</source>
        <translation>Cliente: termina com SO_LINGER {1, 0} e close(), um RST em vez de um FIN. Só TCP.</translation>
    </message>
    <message>
        <source>Client: SO_SNDBUF in bytes; Linux doubles it.</source>
        <translation>Cliente: SO_SNDBUF em bytes; o Linux dobra o valor.</translation>
    </message>
    <message>
        <source>--%1 does not apply to --proto udp: it is about a TCP connection, and UDP has none.</source>
        <translation>--%1 não se aplica a --proto udp: é sobre uma conexão TCP, e o UDP não tem conexão.</translation>
    </message>
    <message>
        <source>--half-close and --reset cannot be used together: a connection ends one way.</source>
        <translation>--half-close e --reset não podem ser usados juntos: uma conexão termina de um jeito só.</translation>
    </message>
    <message>
        <source>Missing program: use &quot;trace -- PROGRAM [ARGS...]&quot;.</source>
        <translation>Falta o programa: use &quot;trace -- PROGRAMA [ARGS...]&quot;.</translation>
    </message>
    <message>
        <source>server, client, sockets, trace or check</source>
        <translation>server, client, sockets, trace ou check</translation>
    </message>
    <message>
        <source>Trace, check: -- PROGRAM [ARGS...], the program to run and trace.</source>
        <translation>Trace, check: -- PROGRAMA [ARGS...], o programa a executar e rastrear.</translation>
    </message>
    <message>
        <source>Check: the recipe&apos;s exercise (udp-server, udp-client, tcp-server, tcp-client, tcp-server-fork, tcp-server-thread).</source>
        <translation>Check: o exercício da receita (udp-server, udp-client, tcp-server, tcp-client, tcp-server-fork, tcp-server-thread).</translation>
    </message>
    <message>
        <source>Check: seconds a program may run (default 20).</source>
        <translation>Check: segundos que um programa pode rodar (padrão 20).</translation>
    </message>
    <message>
        <source>Check: every submission in DIR (.py, .c, or a folder with an executable run).</source>
        <translation>Check: cada entrega em DIR (.py, .c, ou uma pasta com um executável run).</translation>
    </message>
    <message>
        <source>Check --batch: write one row per submission to FILE.</source>
        <translation>Check --batch: grava uma linha por entrega em FILE.</translation>
    </message>
    <message>
        <source>Missing command: use &quot;server&quot;, &quot;client&quot;, &quot;sockets&quot;, &quot;trace&quot; or &quot;check&quot;.</source>
        <translation>Falta o comando: use &quot;server&quot;, &quot;client&quot;, &quot;sockets&quot;, &quot;trace&quot; ou &quot;check&quot;.</translation>
    </message>
    <message>
        <source>Missing --exercise: use one of %1.</source>
        <translation>Falta --exercise: use um de %1.</translation>
    </message>
    <message>
        <source>Option --%1 does not apply to &quot;check --batch&quot;.</source>
        <translation>A opção --%1 não se aplica a &quot;check --batch&quot;.</translation>
    </message>
    <message>
        <source>Unexpected argument: &quot;%1&quot; (--batch checks the folder&apos;s entries).</source>
        <translation>Argumento inesperado: &quot;%1&quot; (--batch verifica as entradas da pasta).</translation>
    </message>
    <message>
        <source>--csv applies to &quot;check --batch&quot; only.</source>
        <translation>--csv só se aplica a &quot;check --batch&quot;.</translation>
    </message>
    <message>
        <source>Missing program: use &quot;check --exercise NAME -- PROGRAM [ARGS...]&quot;.</source>
        <translation>Falta o programa: use &quot;check --exercise NOME -- PROGRAMA [ARGS...]&quot;.</translation>
    </message>
    <message>
        <source>Unknown command: &quot;%1&quot; (use &quot;server&quot;, &quot;client&quot;, &quot;sockets&quot;, &quot;trace&quot; or &quot;check&quot;).</source>
        <translation>Comando desconhecido: &quot;%1&quot; (use &quot;server&quot;, &quot;client&quot;, &quot;sockets&quot;, &quot;trace&quot; ou &quot;check&quot;).</translation>
    </message>
    <message>
        <source>Server, client, trace: write the lab&apos;s packets to FILE.pcapng (Wireshark opens it) and print them as packet events.</source>
        <translation>Server, client, trace: grava os pacotes do laboratório em FILE.pcapng (o Wireshark o abre) e os mostra como eventos de pacote.</translation>
    </message>
    <message>
        <source>Trace: write the events to FILE instead of standard error. Check: write the program&apos;s calls and processes to FILE.</source>
        <translation>Trace: grava os eventos em FILE em vez da saída de erro padrão. Check: grava em FILE as chamadas e os processos do programa.</translation>
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
    <name>CliTraceRunner</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Não foi possível gravar %1: %2</translation>
    </message>
</context>
<context>
    <name>ClosingLesson</name>
    <message>
        <source>nobody</source>
        <translation>ninguém</translation>
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
        <source>recv() returned 0 after A&apos;s close: %1. B got its reply after its FIN: %2. The server&apos;s call after C&apos;s reset: %3. In TIME_WAIT (the kernel&apos;s table): %4; the server&apos;s side: %5.</source>
        <translation>recv() retornou 0 depois do close de A: %1. B recebeu a resposta depois do seu FIN: %2. A chamada do servidor depois do reset de C: %3. Em TIME_WAIT (a tabela do kernel): %4; do lado do servidor: %5.</translation>
    </message>
    <message>
        <source>no error yet</source>
        <translation>nenhum erro ainda</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>ainda não lida</translation>
    </message>
    <message>
        <source>A: a normal close, a FIN</source>
        <translation>A: um fechamento normal, um FIN</translation>
    </message>
    <message>
        <source>B: a FIN, but B still reads</source>
        <translation>B: um FIN, mas B continua lendo</translation>
    </message>
    <message>
        <source>C: an RST instead of a FIN</source>
        <translation>C: um RST em vez de um FIN</translation>
    </message>
    <message>
        <source>the server&apos;s recv(): 0 after a FIN,</source>
        <translation>recv() do servidor: 0 após um FIN,</translation>
    </message>
    <message>
        <source>-1 and ECONNRESET after an RST</source>
        <translation>-1 e ECONNRESET depois de um RST</translation>
    </message>
    <message>
        <source>the server&apos;s recv(): b&apos;&apos; after a FIN,</source>
        <translation>recv() do servidor: b&apos;&apos; após um FIN,</translation>
    </message>
    <message>
        <source>ConnectionResetError after an RST</source>
        <translation>ConnectionResetError depois de um RST</translation>
    </message>
    <message>
        <source>Closing: FIN, half-close and reset</source>
        <translation>Fechamento: FIN, half-close e reset</translation>
    </message>
    <message>
        <source>An echo server and client A</source>
        <translation>Um servidor de eco e o cliente A</translation>
    </message>
    <message>
        <source>An iterative server that sends every message back. Client A connects, sends &quot;hello&quot; and gets its reply; it stays connected.</source>
        <translation>Um servidor iterativo que devolve cada mensagem. O cliente A se conecta, envia &quot;hello&quot; e recebe a resposta; ele continua conectado.</translation>
    </message>
    <message>
        <source>Sequence diagram: A&apos;s message and the server&apos;s reply.</source>
        <translation>Diagrama de sequência: a mensagem de A e a resposta do servidor.</translation>
    </message>
    <message>
        <source>B asks, then half-closes</source>
        <translation>B pergunta e depois faz half-close</translation>
    </message>
    <message>
        <source>Client B connects, sends its question and calls shutdown(SHUT_WR): a FIN that says &quot;I am done sending&quot;, while B keeps reading. The server is still busy with A, so B&apos;s question and its FIN wait in the backlog.</source>
        <translation>O cliente B se conecta, envia sua pergunta e chama shutdown(SHUT_WR): um FIN que diz &quot;terminei de enviar&quot;, enquanto B continua lendo. O servidor ainda está ocupado com A, então a pergunta de B e o seu FIN esperam no backlog.</translation>
    </message>
    <message>
        <source>Event log: B&apos;s shutdown(SHUT_WR); nothing from B at the server yet.</source>
        <translation>Registro de eventos: o shutdown(SHUT_WR) de B; nada de B no servidor ainda.</translation>
    </message>
    <message>
        <source>A closes: recv() returns 0</source>
        <translation>A fecha: recv() retorna 0</translation>
    </message>
    <message>
        <source>A calls close(): its system sends a FIN. The server&apos;s recv() for A returns 0, which means &quot;the other side is done&quot;, not an error. The server closes its socket for A too.</source>
        <translation>A chama close(): o seu sistema envia um FIN. O recv() do servidor para A retorna 0, que quer dizer &quot;o outro lado terminou&quot;, não um erro. O servidor fecha também o seu socket de A.</translation>
    </message>
    <message>
        <source>Event log: recv() -&gt; 0 for A, then the server&apos;s close().</source>
        <translation>Registro de eventos: recv() -&gt; 0 para A, depois o close() do servidor.</translation>
    </message>
    <message>
        <source>B still gets its reply</source>
        <translation>B ainda recebe a resposta</translation>
    </message>
    <message>
        <source>The server accepts B, reads the question and sends the reply, although B said it was done sending: a half-closed connection still carries data the other way. Then recv() returns 0 for B&apos;s FIN, the server closes, and B&apos;s recv() returns 0 in turn.</source>
        <translation>O servidor aceita B, lê a pergunta e envia a resposta, embora B tenha dito que terminou de enviar: uma conexão meio fechada ainda leva dados no outro sentido. Depois recv() retorna 0 pelo FIN de B, o servidor fecha, e o recv() de B retorna 0 por sua vez.</translation>
    </message>
    <message>
        <source>Sequence diagram: B&apos;s reply arrives after B&apos;s shutdown().</source>
        <translation>Diagrama de sequência: a resposta de B chega depois do shutdown() de B.</translation>
    </message>
    <message>
        <source>C resets the connection</source>
        <translation>C reinicia (reset) a conexão</translation>
    </message>
    <message>
        <source>Client C connects and closes at once with SO_LINGER set to {1, 0}: its system throws the connection away and sends an RST instead of a FIN. A program that crashes can cause the same. The server&apos;s recv() on that connection fails with ECONNRESET, &quot;connection reset by peer&quot;.</source>
        <translation>O cliente C se conecta e fecha na hora com SO_LINGER em {1, 0}: o seu sistema descarta a conexão e envia um RST em vez de um FIN. Um programa que trava pode causar o mesmo. O recv() do servidor nessa conexão falha com ECONNRESET, &quot;conexão reiniciada pelo outro lado&quot;.</translation>
    </message>
    <message>
        <source>Event log: the server&apos;s recv() failed: connection reset by peer.</source>
        <translation>Registro de eventos: o recv() do servidor falhou: conexão reiniciada pelo outro lado.</translation>
    </message>
    <message>
        <source>Who waits in TIME_WAIT?</source>
        <translation>Quem espera em TIME_WAIT?</translation>
    </message>
    <message>
        <source>The side that closed first keeps its end in TIME_WAIT for a minute: A, and B, whose FIN came first. The server closed second, so none of its sockets wait. After a reset nobody waits: the connection is simply gone.</source>
        <translation>O lado que fechou primeiro mantém a sua ponta em TIME_WAIT por um minuto: A, e B, cujo FIN veio primeiro. O servidor fechou depois, então nenhum dos seus sockets espera. Depois de um reset ninguém espera: a conexão simplesmente desapareceu.</translation>
    </message>
    <message>
        <source>Processes: the TIME_WAIT count, read from the kernel&apos;s socket table.</source>
        <translation>Processos: o número de conexões em TIME_WAIT, lido da tabela de sockets do kernel.</translation>
    </message>
    <message>
        <source>shutdown(SHUT_WR) sends a FIN ACK from B: B&apos;s direction is closed, the server&apos;s is still open.</source>
        <translation>shutdown(SHUT_WR) envia um FIN ACK de B: o sentido de B está fechado, o do servidor continua aberto.</translation>
    </message>
    <message>
        <source>A&apos;s close() sends FIN ACK, the server&apos;s system ACKs it; the server&apos;s close() sends its own FIN ACK.</source>
        <translation>O close() de A envia FIN ACK, o sistema do servidor responde ACK; o close() do servidor envia o seu próprio FIN ACK.</translation>
    </message>
    <message>
        <source>The reply (PSH ACK) reaches B after B&apos;s FIN: a half-closed connection still carries data the other way.</source>
        <translation>A resposta (PSH ACK) chega a B depois do FIN de B: uma conexão meio fechada ainda leva dados no outro sentido.</translation>
    </message>
    <message>
        <source>C&apos;s close() with SO_LINGER {1, 0} sends RST, not FIN: no goodbye, no TIME_WAIT.</source>
        <translation>O close() de C com SO_LINGER {1, 0} envia RST, não FIN: sem despedida, sem TIME_WAIT.</translation>
    </message>
</context>
<context>
    <name>ConcurrentRubric</name>
    <message>
        <source>Only for a server that forks a child per client.</source>
        <translation>Só para um servidor que cria um filho (fork) por cliente.</translation>
    </message>
    <message>
        <source>The server never called fork().</source>
        <translation>O servidor nunca chamou fork().</translation>
    </message>
    <message>
        <source>after accept(), fork(): the child serves the client, the parent goes back to accept().</source>
        <translation>depois do accept(), faça fork(): o filho atende o cliente, o pai volta ao accept().</translation>
    </message>
    <message>
        <source>Each child closes its copy of the listening socket (fd %1).</source>
        <translation>Cada filho fecha sua cópia do socket de escuta (fd %1).</translation>
    </message>
    <message numerus="yes">
        <source>Of the %n child process(es) that served a client, %1 closed the listening socket (fd %2).</source>
        <translation>
            <numerusform>Do %n processo filho que atendeu um cliente, %1 fechou o socket de escuta (fd %2).</numerusform>
            <numerusform>Dos %n processos filhos que atenderam um cliente, %1 fecharam o socket de escuta (fd %2).</numerusform>
        </translation>
    </message>
    <message>
        <source>in the child, right after fork(), close the listening socket (the recipe&apos;s tcp.close()): the child never accepts.</source>
        <translation>no filho, logo depois do fork(), feche o socket de escuta (o tcp.close() da receita): o filho nunca faz accept().</translation>
    </message>
    <message>
        <source>After each fork() the parent closes its copy of the connection.</source>
        <translation>Depois de cada fork() o pai fecha sua cópia da conexão.</translation>
    </message>
    <message numerus="yes">
        <source>The parent closed its copy of the connection after %1 of its %n fork() call(s).</source>
        <translation>
            <numerusform>O pai fechou sua cópia da conexão depois de %1 de sua %n chamada a fork().</numerusform>
            <numerusform>O pai fechou sua cópia da conexão depois de %1 de suas %n chamadas a fork().</numerusform>
        </translation>
    </message>
    <message>
        <source>in the parent, close the accepted connection right after fork() (the recipe&apos;s con.close()): the child has its own copy.</source>
        <translation>no pai, feche a conexão aceita logo depois do fork() (o con.close() da receita): o filho tem a sua própria cópia.</translation>
    </message>
    <message>
        <source>Every child that ended was reaped (waitpid): no zombies are left.</source>
        <translation>Todo filho que terminou foi recolhido (waitpid): não sobra nenhum zumbi.</translation>
    </message>
    <message numerus="yes">
        <source>The server works, but it never reaped %n child process(es) that ended, so zombies stay while the server runs. The recipe&apos;s own fork server has the same gap: it never calls waitpid().</source>
        <translation>
            <numerusform>O servidor funciona, mas nunca recolheu %n processo filho que terminou, e ele fica zumbi enquanto o servidor roda. O próprio servidor com fork da receita tem essa falha: ele nunca chama waitpid().</numerusform>
            <numerusform>O servidor funciona, mas nunca recolheu %n processos filhos que terminaram, e eles ficam zumbis enquanto o servidor roda. O próprio servidor com fork da receita tem essa falha: ele nunca chama waitpid().</numerusform>
        </translation>
    </message>
    <message>
        <source>reap the children that ended: before each accept(), call waitpid(-1, WNOHANG) in a loop until it returns 0 (os.waitpid(-1, os.WNOHANG) in Python), or ignore SIGCHLD.</source>
        <translation>recolha os filhos que terminaram: antes de cada accept(), chame waitpid(-1, WNOHANG) num laço até devolver 0 (os.waitpid(-1, os.WNOHANG) em Python), ou ignore SIGCHLD.</translation>
    </message>
    <message>
        <source>Only for a server that starts a thread per client.</source>
        <translation>Só para um servidor que inicia uma thread por cliente.</translation>
    </message>
    <message>
        <source>Each connection is served by a thread of its own.</source>
        <translation>Cada conexão é atendida por uma thread própria.</translation>
    </message>
    <message numerus="yes">
        <source>The connections read (%1) were read by %n thread(s): not one thread of its own per connection.</source>
        <translation>
            <numerusform>As conexões lidas (%1) foram lidas por %n thread: não uma thread própria por conexão.</numerusform>
            <numerusform>As conexões lidas (%1) foram lidas por %n threads: não uma thread própria por conexão.</numerusform>
        </translation>
    </message>
    <message>
        <source>after accept(), start a thread for that connection and do its recv() there (threading.Thread(target=..., args=(con, cliente)).start()).</source>
        <translation>depois do accept(), inicie uma thread para essa conexão e faça o recv() dela lá (threading.Thread(target=..., args=(con, cliente)).start()).</translation>
    </message>
    <message>
        <source>No thread of its own served a client (see thread-per-connection).</source>
        <translation>Nenhuma thread própria atendeu um cliente (veja thread-per-connection).</translation>
    </message>
    <message>
        <source>Each client&apos;s thread ends when its client leaves.</source>
        <translation>A thread de cada cliente termina quando o cliente sai.</translation>
    </message>
    <message numerus="yes">
        <source>Of the %n thread(s) that served a client, %1 ended after it left.</source>
        <translation>
            <numerusform>Da %n thread que atendeu um cliente, %1 terminou depois que ele saiu.</numerusform>
            <numerusform>Das %n threads que atenderam um cliente, %1 terminaram depois que ele saiu.</numerusform>
        </translation>
    </message>
    <message>
        <source>let the thread&apos;s function return once it has closed its connection.</source>
        <translation>deixe a função da thread retornar depois de fechar a conexão.</translation>
    </message>
</context>
<context>
    <name>ErrorExplanation</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Unknown host: the resolver (getaddrinfo, step 1) found no address for “%1” in /etc/hosts or the DNS. The name may be misspelt. Nothing was sent to any server.</source>
        <translation>Host desconhecido: o resolvedor (getaddrinfo, passo 1) não achou endereço para “%1” no /etc/hosts nem no DNS. O nome pode estar escrito errado. Nada foi enviado a nenhum servidor.</translation>
    </message>
    <message>
        <source>The resolver got no answer for “%1” in time: the DNS server is unreachable or down (no network?). A numeric address such as 127.0.0.1 needs no DNS.</source>
        <translation>O resolvedor não recebeu resposta para “%1” a tempo: o servidor DNS está inacessível ou fora do ar (sem rede?). Um endereço numérico como 127.0.0.1 dispensa o DNS.</translation>
    </message>
    <message>
        <source>The resolver (getaddrinfo) could not turn “%1” into an address: %2.</source>
        <translation>O resolvedor (getaddrinfo) não conseguiu transformar “%1” em um endereço: %2.</translation>
    </message>
    <message>
        <source>the other side</source>
        <translation>o outro lado</translation>
    </message>
    <message>
        <source>Timed out: nobody answered the connection request (SYN) sent to %1, not even after retries. A wrong address, a firewall that drops packets silently, or a computer that is off or unplugged.</source>
        <translation>Tempo esgotado: ninguém respondeu ao pedido de conexão (SYN) enviado a %1, nem depois de novas tentativas. Um endereço errado, um firewall que descarta pacotes em silêncio, ou um computador desligado ou fora da rede.</translation>
    </message>
    <message>
        <source>Timed out: the other side stopped acknowledging what was sent; the kernel retried and gave the connection up. Its computer may have gone off the network.</source>
        <translation>Tempo esgotado: o outro lado parou de confirmar o que foi enviado; o kernel tentou de novo e desistiu da conexão. O computador dele pode ter saído da rede.</translation>
    </message>
    <message>
        <source>Host unreachable: no computer answers at %1 on the local network (nobody replied to ARP), or a router sent back an ICMP “host unreachable”.</source>
        <translation>Host inalcançável: nenhum computador responde em %1 na rede local (ninguém respondeu ao ARP), ou um roteador devolveu um ICMP “host unreachable”.</translation>
    </message>
    <message>
        <source>Network unreachable: this computer has no route to %1 (no cable or Wi-Fi, or no default gateway). Nothing left this computer.</source>
        <translation>Rede inalcançável: este computador não tem rota para %1 (sem cabo ou Wi-Fi, ou sem gateway padrão). Nada saiu deste computador.</translation>
    </message>
    <message>
        <source>Address in use: no free local port was left for this connection, or this exact pair of addresses is still in use.</source>
        <translation>Endereço em uso: não sobrou porta local livre para esta conexão, ou este mesmo par de endereços ainda está em uso.</translation>
    </message>
    <message>
        <source>Address not available: %1 is not an address of this computer. bind() can only use this computer&apos;s own addresses, or 0.0.0.0 / :: for all of them.</source>
        <translation>Endereço indisponível: %1 não é um endereço deste computador. O bind() só pode usar os endereços do próprio computador, ou 0.0.0.0 / :: para todos eles.</translation>
    </message>
    <message>
        <source>Address not available: the kernel could not give this socket a local address to reach %1 from (no free port, or an address that is not usable here).</source>
        <translation>Endereço indisponível: o kernel não conseguiu dar a este socket um endereço local para alcançar %1 (nenhuma porta livre, ou um endereço que não pode ser usado aqui).</translation>
    </message>
    <message>
        <source>Permission denied: ports below 1024 are reserved for the administrator (root). Choose a port of 1024 or above, such as 5000.</source>
        <translation>Permissão negada: as portas abaixo de 1024 são reservadas ao administrador (root). Escolha uma porta de 1024 para cima, como 5000.</translation>
    </message>
    <message>
        <source>Permission denied: the system did not allow this call (a firewall rule, a broadcast address without SO_BROADCAST, or a privileged port).</source>
        <translation>Permissão negada: o sistema não permitiu esta chamada (uma regra de firewall, um endereço de broadcast sem SO_BROADCAST, ou uma porta privilegiada).</translation>
    </message>
    <message>
        <source>The server stopped before accepting this connection; the kernel reset the connections waiting in its backlog (a TCP RST).</source>
        <translation>O servidor parou antes de aceitar esta conexão; o kernel reiniciou (TCP RST) as conexões que esperavam no backlog dele.</translation>
    </message>
    <message>
        <source>Broken pipe: this side sent on a connection the other side had already closed or reset; its kernel answered earlier data with a TCP RST. MSG_NOSIGNAL keeps this from killing the program with SIGPIPE.</source>
        <translation>Pipe quebrado: este lado enviou numa conexão que a outra ponta já tinha fechado ou reiniciado; o kernel dela respondeu a dados anteriores com um TCP RST. O MSG_NOSIGNAL evita que isso mate o programa com SIGPIPE.</translation>
    </message>
    <message>
        <source>Connection aborted: a client gave up (sent a reset) while it still waited in the backlog, before accept() took it.</source>
        <translation>Conexão abortada: um cliente desistiu (enviou um reset) enquanto ainda esperava no backlog, antes que o accept() o pegasse.</translation>
    </message>
    <message>
        <source>Too many open files: this program reached its limit of open descriptors (ulimit -n); every socket, pipe and file counts. New clients wait in the backlog until descriptors are closed.</source>
        <translation>Arquivos abertos demais: este programa chegou ao seu limite de descritores abertos (ulimit -n); cada socket, pipe e arquivo conta. Novos clientes esperam no backlog até que descritores sejam fechados.</translation>
    </message>
    <message>
        <source>Too many open files in the whole system: the kernel&apos;s table of open files is full.</source>
        <translation>Arquivos abertos demais no sistema inteiro: a tabela de arquivos abertos do kernel está cheia.</translation>
    </message>
    <message>
        <source>Message too long: one UDP datagram carries at most 65,507 bytes of data; nothing was sent.</source>
        <translation>Mensagem longa demais: um datagrama UDP leva no máximo 65.507 bytes de dados; nada foi enviado.</translation>
    </message>
    <message>
        <source>%1() failed: %2.</source>
        <translation>%1() falhou: %2.</translation>
    </message>
    <message>
        <source>Refused: nothing receives datagrams there. The other computer&apos;s kernel answered an earlier datagram with an ICMP “port unreachable” message, which comes back as an error on this socket&apos;s next call; UDP itself never says.</source>
        <translation>Recusado: nada recebe datagramas ali. O kernel do outro computador respondeu a um datagrama anterior com uma mensagem ICMP “port unreachable” (porta inalcançável), que volta como erro na próxima chamada deste socket; o UDP em si nunca avisa.</translation>
    </message>
    <message>
        <source>Refused: nothing receives datagrams on %1. Its kernel answered an earlier datagram with an ICMP “port unreachable” message, which comes back as an error on this socket&apos;s next call; UDP itself never says.</source>
        <translation>Recusado: nada recebe datagramas em %1. O kernel de lá respondeu a um datagrama anterior com uma mensagem ICMP “port unreachable” (porta inalcançável), que volta como erro na próxima chamada deste socket; o UDP em si nunca avisa.</translation>
    </message>
    <message>
        <source>Refused: the port is closed. The other computer&apos;s kernel answered the connection request (SYN) with a reset (RST): no program listens there.</source>
        <translation>Recusado: a porta está fechada. O kernel do outro computador respondeu ao pedido de conexão (SYN) com um reset (RST): nenhum programa escuta ali.</translation>
    </message>
    <message>
        <source>Refused: the port is closed. The kernel at %1 answered the connection request (SYN) with a reset (RST): no program listens on that address and port. Start the server first, or check the port.</source>
        <translation>Recusado: a porta está fechada. O kernel em %1 respondeu ao pedido de conexão (SYN) com um reset (RST): nenhum programa escuta nesse endereço e porta. Inicie o servidor primeiro, ou confira a porta.</translation>
    </message>
    <message>
        <source>%1 The server listens on 127.0.0.1 (IPv4) only, not on ::1 (IPv6): “localhost” names both, and ::1 may come first. 127.0.0.1 port %2 works (a client tries the next address), or bind the server to :: to serve both.</source>
        <translation>%1 O servidor escuta só em 127.0.0.1 (IPv4), não em ::1 (IPv6): “localhost” nomeia os dois, e ::1 pode vir primeiro. 127.0.0.1 porta %2 funciona (um cliente tenta o próximo endereço), ou faça o bind do servidor em :: para atender os dois.</translation>
    </message>
    <message>
        <source>%1 A server does listen on port %2, but on %3, not on %4.</source>
        <translation>%1 Um servidor escuta sim na porta %2, mas em %3, não em %4.</translation>
    </message>
    <message>
        <source>%1 ↔ %2, %3 s left</source>
        <translation>%1 ↔ %2, faltam %3 s</translation>
    </message>
    <message>
        <source>%1 (pid %2) on %3</source>
        <translation>%1 (pid %2) em %3</translation>
    </message>
    <message>
        <source>a program</source>
        <translation>um programa</translation>
    </message>
    <message>
        <source>a program of another user on %1</source>
        <translation>um programa de outro usuário em %1</translation>
    </message>
    <message>
        <source>Address in use: another program already has port %1: %2. Two sockets cannot bind the same address and port; stop that program or choose another port.</source>
        <translation>Endereço em uso: outro programa já tem a porta %1: %2. Dois sockets não podem fazer bind no mesmo endereço e porta; pare esse programa ou escolha outra porta.</translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation>mais %1</translation>
    </message>
    <message>
        <source>Address in use: no program listens on port %1, but connections of an earlier run are still in TIME_WAIT (the side that closed first keeps them for up to 60 seconds): %2. Without SO_REUSEADDR, bind() waits for them to go.</source>
        <translation>Endereço em uso: nenhum programa escuta na porta %1, mas conexões de uma execução anterior ainda estão em TIME_WAIT (o lado que fechou primeiro as mantém por até 60 segundos): %2. Sem SO_REUSEADDR, o bind() espera que elas sumam.</translation>
    </message>
    <message>
        <source>Address in use: port %1 is taken, by another program or by connections of an earlier run still in TIME_WAIT. Choose another port, or wait a minute.</source>
        <translation>Endereço em uso: a porta %1 está ocupada, por outro programa ou por conexões de uma execução anterior ainda em TIME_WAIT. Escolha outra porta, ou espere um minuto.</translation>
    </message>
    <message>
        <source>Cannot find the address “%1” — check the name</source>
        <translation>Não foi possível achar o endereço “%1” — confira o nome</translation>
    </message>
    <message>
        <source>Port %1 is still held by connections of an earlier run in TIME_WAIT — wait a minute or choose another port</source>
        <translation>A porta %1 ainda está presa por conexões de uma execução anterior em TIME_WAIT — espere um minuto ou escolha outra porta</translation>
    </message>
    <message>
        <source>Port %1 is taken by another program — choose another port</source>
        <translation>A porta %1 está ocupada por outro programa — escolha outra porta</translation>
    </message>
    <message>
        <source>Port %1 needs administrator rights — choose a port of 1024 or above</source>
        <translation>A porta %1 exige direitos de administrador — escolha uma porta de 1024 para cima</translation>
    </message>
    <message>
        <source>%1 is not an address of this computer — choose another address</source>
        <translation>%1 não é um endereço deste computador — escolha outro endereço</translation>
    </message>
    <message>
        <source>Too many open files — close some connections and try again</source>
        <translation>Arquivos abertos demais — feche algumas conexões e tente de novo</translation>
    </message>
    <message>
        <source>Nothing receives datagrams at %1 — an ICMP “port unreachable” came back</source>
        <translation>Nada recebe datagramas em %1 — voltou um ICMP “port unreachable” (porta inalcançável)</translation>
    </message>
    <message>
        <source>Nothing listens at %1 — the port is closed, the kernel answered with a reset</source>
        <translation>Nada escuta em %1 — a porta está fechada, o kernel respondeu com um reset</translation>
    </message>
    <message>
        <source>Nobody answered at %1 — wrong address, a firewall, or a computer that is off</source>
        <translation>Ninguém respondeu em %1 — endereço errado, um firewall, ou um computador desligado</translation>
    </message>
    <message>
        <source>%1 cannot be reached from this computer</source>
        <translation>%1 não pode ser alcançado a partir deste computador</translation>
    </message>
    <message>
        <source>The server stopped before accepting this connection; the kernel reset the connections waiting in its backlog</source>
        <translation>O servidor parou antes de aceitar esta conexão; o kernel reiniciou as conexões que esperavam no backlog dele</translation>
    </message>
    <message>
        <source>The other side reset the connection (TCP RST)</source>
        <translation>O outro lado reiniciou a conexão (TCP RST)</translation>
    </message>
    <message>
        <source>The other side had already closed the connection</source>
        <translation>O outro lado já tinha fechado a conexão</translation>
    </message>
    <message>
        <source>The server could not start: %1() failed (%2)</source>
        <translation>O servidor não pôde iniciar: %1() falhou (%2)</translation>
    </message>
    <message>
        <source>%1() failed: %2</source>
        <translation>%1() falhou: %2</translation>
    </message>
    <message>
        <source>Only programs on this computer can connect to %1: a loopback address never leaves this machine. For students&apos; computers, open the server to the classroom network.</source>
        <translation>Só programas deste computador podem se conectar a %1: um endereço de loopback nunca sai desta máquina. Para os computadores dos alunos, abra o servidor para a rede da sala.</translation>
    </message>
    <message>
        <source>(any address: not connected; the server sees %1)</source>
        <translation>(qualquer endereço: não conectado; o servidor vê %1)</translation>
    </message>
    <message>
        <source>(any address: not connected)</source>
        <translation>(qualquer endereço: não conectado)</translation>
    </message>
    <message>
        <source>%1 means every address of this computer, port %2: this UDP socket is not connected, so the kernel picks the source address for each datagram.</source>
        <translation>%1 quer dizer todos os endereços deste computador, porta %2: este socket UDP não está conectado, então o kernel escolhe o endereço de origem de cada datagrama.</translation>
    </message>
    <message>
        <source>%1 means every address of this computer, port %2: this UDP socket is not connected, so the kernel picks the source address for each datagram. Towards this server it uses %3, the address the server sees.</source>
        <translation>%1 quer dizer todos os endereços deste computador, porta %2: este socket UDP não está conectado, então o kernel escolhe o endereço de origem de cada datagrama. Para este servidor ele usa %3, o endereço que o servidor vê.</translation>
    </message>
    <message>
        <source>Connection reset: the other side sent a TCP RST. Its program closed the socket without reading everything it had received, was killed, or closed with SO_LINGER 0; or, just after connecting, the server&apos;s listen backlog was full (many connections at once into a small backlog) and its kernel gave up on this one. Data still in flight is lost.</source>
        <translation>Conexão reiniciada: o outro lado enviou um TCP RST. O programa dele fechou o socket sem ler tudo o que tinha recebido, foi encerrado à força, ou fechou com SO_LINGER 0; ou, logo após a conexão, a fila de escuta (backlog) do servidor estava cheia (muitas conexões ao mesmo tempo num backlog pequeno) e o kernel dele desistiu desta. Os dados ainda a caminho se perdem.</translation>
    </message>
    <message>
        <source>Closed while the server was still sending — the kernel answers it with an RST</source>
        <translation>Fechado enquanto o servidor ainda enviava — o kernel responde com um RST</translation>
    </message>
    <message>
        <source>Closed with %1 bytes unread — the kernel sent an RST instead of a FIN</source>
        <translation>Fechado com %1 bytes não lidos — o kernel enviou um RST em vez de um FIN</translation>
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
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>binary, %1</source>
        <translation>binário, %1</translation>
    </message>
    <message>
        <source>TCP state %1 on %2 (waiting in the backlog, not accepted yet)</source>
        <translation>Estado TCP %1 em %2 (esperando no backlog, ainda não aceita)</translation>
    </message>
    <message>
        <source>TCP state %1 on %2</source>
        <translation>Estado TCP %1 em %2</translation>
    </message>
    <message>
        <source>Student %1</source>
        <translation>Aluno %1</translation>
    </message>
    <message>
        <source>Summary: connections %1, messages %2, bytes %3, children killed %4</source>
        <translation>Resumo: conexões %1, mensagens %2, bytes %3, filhos encerrados à força %4</translation>
    </message>
    <message>
        <source>%1; %2 of the children ended before their last report: bytes they received in their last moments (0.1 s at most) may be missing from the count</source>
        <translation>%1; %2 dos filhos terminaram antes do último relato: bytes que receberam nos últimos instantes (no máximo 0,1 s) podem faltar na contagem</translation>
    </message>
    <message>
        <source>truncated: the datagram had %1, the buffer held only the first %2, the rest is lost</source>
        <translation>truncado: o datagrama tinha %1, o buffer guardou só os primeiros %2, o resto se perdeu</translation>
    </message>
    <message>
        <source>%1 (%2): %3 [%4]</source>
        <translation>%1 (%2): %3 [%4]</translation>
    </message>
    <message>
        <source>Received %1 from %2: %3 [%4]</source>
        <translation>Recebidos %1 de %2: %3 [%4]</translation>
    </message>
    <message>
        <source>close(%1) while the server was still sending: the kernel answers what still arrives with an RST instead of taking it, so whatever the server had not read yet is lost too</source>
        <translation>close(%1) enquanto o servidor ainda enviava: o kernel responde ao que ainda chega com um RST em vez de aceitá-lo, e o que o servidor ainda não tinha lido também se perde</translation>
    </message>
    <message>
        <source>close(%1) with %2 still unread: the kernel threw them away and sent an RST instead of a FIN, so whatever the server had not read yet is lost too</source>
        <translation>close(%1) com %2 ainda não lidos: o kernel os descartou e enviou um RST em vez de um FIN, e o que o servidor ainda não tinha lido também se perde</translation>
    </message>
    <message>
        <source>Summary: connections %1, messages %2, bytes %3, dropped by the kernel: %4 (receive buffer full), truncated: %5 (longer than the buffer, the rest lost)</source>
        <translation>Resumo: conexões %1, mensagens %2, bytes %3, descartados pelo kernel: %4 (buffer de recepção cheio), truncados: %5 (maiores que o buffer, o resto perdido)</translation>
    </message>
    <message numerus="yes">
        <source>%n ready: %1</source>
        <translation>
            <numerusform>%n pronto: %1</numerusform>
            <numerusform>%n prontos: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>server %1</source>
        <translation>servidor %1</translation>
    </message>
    <message>
        <source>client %1</source>
        <translation>cliente %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Process %1 started: %2</source>
        <translation>Processo %1 iniciou: %2</translation>
    </message>
    <message>
        <source>Process %1 forked child %2</source>
        <translation>Processo %1 criou o filho %2 (fork)</translation>
    </message>
    <message>
        <source>Process %1 started thread %2</source>
        <translation>Processo %1 iniciou a thread %2</translation>
    </message>
    <message>
        <source>Thread %1 of process %2 finished</source>
        <translation>Thread %1 do processo %2 terminou</translation>
    </message>
    <message>
        <source>Process %1 was killed by signal %2</source>
        <translation>Processo %1 foi morto pelo sinal %2</translation>
    </message>
    <message>
        <source>Process %1 exited with status %2</source>
        <translation>Processo %1 terminou com status %2</translation>
    </message>
    <message>
        <source>Process %1 is a zombie: it exited and its parent %2 has not called waitpid()</source>
        <translation>Processo %1 é um zumbi: terminou e seu pai %2 ainda não chamou waitpid()</translation>
    </message>
    <message>
        <source>Process %1 was reaped by its parent %2 (waitpid)</source>
        <translation>Processo %1 foi recolhido por seu pai %2 (waitpid)</translation>
    </message>
    <message>
        <source>Reset the connection to %1: an RST instead of a FIN, nothing waits in TIME_WAIT</source>
        <translation>Conexão com %1 reiniciada (reset): um RST em vez de um FIN, nada fica em TIME_WAIT</translation>
    </message>
    <message>
        <source>Summary: calls %1, processes %2, threads %3, zombies never reaped %4, exit status %5</source>
        <translation>Resumo: chamadas %1, processos %2, threads %3, zumbis nunca recolhidos %4, status de saída %5</translation>
    </message>
    <message>
        <source>Summary: senders %1, datagrams %2, bytes %3, dropped by the kernel: %4 (receive buffer full)</source>
        <translation>Resumo: remetentes %1, datagramas %2, bytes %3, descartados pelo kernel: %4 (buffer de recepção cheio)</translation>
    </message>
    <message>
        <source>appeared in %1</source>
        <translation>apareceu em %1</translation>
    </message>
    <message>
        <source>went away from %1</source>
        <translation>desapareceu de %1</translation>
    </message>
    <message>
        <source>TCP socket %1 appeared in %2 (waiting in the backlog, not accepted yet)</source>
        <translation>Socket TCP %1 apareceu em %2 (esperando no backlog, ainda não aceito)</translation>
    </message>
    <message>
        <source>TCP socket %1 appeared in %2</source>
        <translation>Socket TCP %1 apareceu em %2</translation>
    </message>
    <message>
        <source>TCP socket %1 went away from %2</source>
        <translation>Socket TCP %1 desapareceu de %2</translation>
    </message>
    <message>
        <source>%1 packets (%2 of payload) counted but not shown one by one: the display lagged</source>
        <translation>%1 pacotes (%2 de carga útil) contados mas não mostrados um a um: a exibição ficou para trás</translation>
    </message>
    <message>
        <source>Packet %1 → %2 %3 seq %4 ack %5 len %6 win %7</source>
        <translation>Pacote %1 → %2 %3 seq %4 ack %5 tam %6 janela %7</translation>
    </message>
    <message>
        <source>Packet %1 → %2 UDP len %3</source>
        <translation>Pacote %1 → %2 UDP tam %3</translation>
    </message>
    <message>
        <source>Packet %1 → %2 ICMP port unreachable: nothing listens on that UDP port</source>
        <translation>Pacote %1 → %2 ICMP porta inalcançável: nada escuta nessa porta UDP</translation>
    </message>
    <message>
        <source>Packet %1 → %2 ICMP destination unreachable</source>
        <translation>Pacote %1 → %2 ICMP destino inalcançável</translation>
    </message>
    <message>
        <source> [retransmission]</source>
        <translation> [retransmissão]</translation>
    </message>
    <message>
        <source> [zero window: the receiver&apos;s buffer is full]</source>
        <translation> [janela zero: o buffer do receptor está cheio]</translation>
    </message>
    <message>
        <source> [window probe]</source>
        <translation> [sonda de janela]</translation>
    </message>
    <message>
        <source>, sent by %1() (pid %2)</source>
        <translation>, enviado por %1() (pid %2)</translation>
    </message>
</context>
<context>
    <name>FlowControlLesson</name>
    <message>
        <source>The server&apos;s Recv-Q filled (%1 bytes), then the client&apos;s Send-Q (%2 bytes), then send() waited; once the server read, all %3 bytes arrived.</source>
        <translation>A Recv-Q do servidor encheu (%1 bytes), depois a Send-Q do cliente (%2 bytes), depois o send() esperou; quando o servidor leu, todos os %3 bytes chegaram.</translation>
    </message>
    <message>
        <source>The queues have not been seen filling and draining in order yet.</source>
        <translation>As filas ainda não foram vistas enchendo e esvaziando, nessa ordem.</translation>
    </message>
    <message>
        <source>Flow control: when the server does not read</source>
        <translation>Controle de fluxo: quando o servidor não lê</translation>
    </message>
    <message>
        <source>server: a small receive buffer</source>
        <translation>servidor: buffer de recepção pequeno</translation>
    </message>
    <message>
        <source>no recv() yet</source>
        <translation>ainda nenhum recv()</translation>
    </message>
    <message>
        <source>client: a small send buffer</source>
        <translation>cliente: buffer de envio pequeno</translation>
    </message>
    <message>
        <source>waits</source>
        <translation>espera</translation>
    </message>
    <message>
        <source>server, at last:</source>
        <translation>servidor, enfim:</translation>
    </message>
    <message>
        <source>A server that does not read</source>
        <translation>Um servidor que não lê</translation>
    </message>
    <message>
        <source>The server asks for a small receive buffer and client A for a small send buffer (4096 bytes each; Linux doubles them). The server accepts A&apos;s connection but does not call recv() yet.</source>
        <translation>O servidor pede um buffer de recepção pequeno e o cliente A um buffer de envio pequeno (4096 bytes cada; o Linux os dobra). O servidor aceita a conexão de A, mas ainda não chama recv().</translation>
    </message>
    <message>
        <source>Kernel: A&apos;s connection is ESTABLISHED and accepted; both queues are 0.</source>
        <translation>Kernel: a conexão de A está ESTABLISHED e aceita; as duas filas estão em 0.</translation>
    </message>
    <message>
        <source>A sends a little: it waits in the server&apos;s Recv-Q</source>
        <translation>A envia um pouco: fica esperando na Recv-Q do servidor</translation>
    </message>
    <message>
        <source>send() returns at once: the kernel took the bytes, carried them to the server&apos;s machine and keeps them in the server socket&apos;s receive queue until the program calls recv().</source>
        <translation>O send() retorna na hora: o kernel pegou os bytes, levou-os até a máquina do servidor e os guarda na fila de recepção do socket do servidor até que o programa chame recv().</translation>
    </message>
    <message>
        <source>Kernel: the server&apos;s Recv-Q holds A&apos;s 1000 bytes; A&apos;s Send-Q is 0.</source>
        <translation>Kernel: a Recv-Q do servidor guarda os 1000 bytes de A; a Send-Q de A está em 0.</translation>
    </message>
    <message>
        <source>A sends more: the Recv-Q is full, the rest waits in A&apos;s Send-Q</source>
        <translation>A envia mais: a Recv-Q está cheia, o resto espera na Send-Q de A</translation>
    </message>
    <message>
        <source>The receive buffer is full, so the server&apos;s side advertises a window of 0 bytes: &quot;send no more&quot;. A&apos;s kernel keeps what does not fit in A&apos;s send queue. send() still returns: the bytes are in A&apos;s kernel.</source>
        <translation>O buffer de recepção está cheio, então o lado do servidor anuncia uma janela de 0 bytes: &quot;não envie mais&quot;. O kernel de A guarda o que não cabe na fila de envio de A. O send() ainda retorna: os bytes estão no kernel de A.</translation>
    </message>
    <message>
        <source>Queues: the server&apos;s Recv-Q stops growing, A&apos;s Send-Q rises.</source>
        <translation>Filas: a Recv-Q do servidor para de crescer, a Send-Q de A sobe.</translation>
    </message>
    <message>
        <source>A sends a lot: send() blocks</source>
        <translation>A envia muito: o send() bloqueia</translation>
    </message>
    <message>
        <source>Now A&apos;s send queue is full too. A blocking send() waits until there is room again: the sender is slowed down to the pace of the reader. This is TCP&apos;s flow control.</source>
        <translation>Agora a fila de envio de A também está cheia. Um send() bloqueante espera até haver espaço de novo: quem envia é freado ao ritmo de quem lê. Isso é o controle de fluxo do TCP.</translation>
    </message>
    <message>
        <source>Queues: both stay flat at their maximum; the event log shows no &quot;sent&quot; for this send().</source>
        <translation>Filas: as duas ficam paradas no máximo; o registro de eventos não mostra &quot;enviado&quot; para este send().</translation>
    </message>
    <message>
        <source>The server reads: everything drains</source>
        <translation>O servidor lê: tudo esvazia</translation>
    </message>
    <message>
        <source>The server calls recv() at last. Each read makes room in its receive queue, its side opens the window again, A&apos;s kernel sends what waited, and A&apos;s send() returns once its last bytes are in the send queue.</source>
        <translation>O servidor enfim chama recv(). Cada leitura abre espaço na sua fila de recepção, o seu lado abre a janela de novo, o kernel de A envia o que esperava, e o send() de A retorna assim que os seus últimos bytes estão na fila de envio.</translation>
    </message>
    <message>
        <source>Queues: both fall to 0; event log: the server received every byte.</source>
        <translation>Filas: as duas caem a 0; registro de eventos: o servidor recebeu todos os bytes.</translation>
    </message>
    <message>
        <source>The server&apos;s ACKs advertise a shrinking window until win=0: its receive buffer is full and A must stop sending.</source>
        <translation>Os ACKs do servidor anunciam uma janela cada vez menor até win=0: o buffer de recepção está cheio e A precisa parar de enviar.</translation>
    </message>
    <message>
        <source>While the window is 0, A&apos;s system sends window probes now and then, asking whether there is room again.</source>
        <translation>Enquanto a janela é 0, o sistema de A envia de tempos em tempos sondas de janela, perguntando se já há espaço.</translation>
    </message>
    <message>
        <source>The server reads: its ACKs open the window again and A&apos;s segments flow.</source>
        <translation>O servidor lê: os ACKs dele abrem a janela de novo e os segmentos de A voltam a fluir.</translation>
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
    <message>
        <source>child</source>
        <translation>filho</translation>
    </message>
    <message>
        <source>parent</source>
        <translation>pai</translation>
    </message>
    <message>
        <source>when a child ends:</source>
        <translation>quando um filho termina:</translation>
    </message>
    <message>
        <source>%1 child processes with distinct pids; a zombie was seen: %2; zombies now: %3; CLOSE_WAIT left by a parent that forgot close(): %4.</source>
        <translation>%1 processos filhos com pids distintos; um zumbi foi visto: %2; zumbis agora: %3; CLOSE_WAIT deixado por um pai que esqueceu o close(): %4.</translation>
    </message>
    <message>
        <source>A parent that forgets close(c)</source>
        <translation>Um pai que esquece o close(c)</translation>
    </message>
    <message>
        <source>A new server with a classic bug: after fork() the parent does not close its copy of the connection. Client E sends and leaves; E&apos;s child reads 0, closes and exits. But the parent&apos;s copy keeps the connection open: the server&apos;s side stays in CLOSE_WAIT (the client has closed, the server never will) and E&apos;s side waits in FIN_WAIT2. Each such connection costs the server a descriptor.</source>
        <translation>Um novo servidor com um bug clássico: depois do fork() o pai não fecha a sua cópia da conexão. O cliente E envia e sai; o filho de E lê 0, fecha e termina. Mas a cópia do pai mantém a conexão aberta: o lado do servidor fica em CLOSE_WAIT (o cliente fechou, o servidor nunca fechará) e o lado de E espera em FIN_WAIT2. Cada conexão assim custa ao servidor um descritor.</translation>
    </message>
    <message>
        <source>Kernel: client E in FIN_WAIT2, the server&apos;s side in CLOSE_WAIT.</source>
        <translation>Kernel: o cliente E em FIN_WAIT2, o lado do servidor em CLOSE_WAIT.</translation>
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
        <source>Event log: B&apos;s message appears right after A&apos;s &quot;Ending connection&quot; line.</source>
        <translation>Registro de eventos: a mensagem de B aparece logo depois da linha &quot;Finalizando conexão&quot; de A.</translation>
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
    <message>
        <source>backlog: a queue of 1</source>
        <translation>backlog: uma fila de 1</translation>
    </message>
    <message>
        <source>Backlog %1: the accept queue held %2; a SYN that found it full was ignored: %3.</source>
        <translation>Backlog %1: a fila de accept guardou %2; um SYN que a encontrou cheia foi ignorado: %3.</translation>
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
        <source>C and D connect: the backlog overflows</source>
        <translation>C e D se conectam: o backlog transborda</translation>
    </message>
    <message>
        <source>C connects and sends: its connection waits in the backlog after B&apos;s. With listen(s, 1) Linux queues backlog + 1 = 2 completed connections, so the queue is now full. D&apos;s SYN finds no room: the server&apos;s kernel ignores it (no reply, no refusal), and D&apos;s kernel sends the SYN again after 1 s, 3 s, 7 s... until there is room or connect() gives up.</source>
        <translation>C se conecta e envia: a sua conexão espera no backlog depois da de B. Com listen(s, 1) o Linux enfileira backlog + 1 = 2 conexões completas, então a fila agora está cheia. O SYN de D não encontra lugar: o kernel do servidor o ignora (sem resposta, sem recusa), e o kernel de D envia o SYN de novo depois de 1 s, 3 s, 7 s... até haver lugar ou o connect() desistir.</translation>
    </message>
    <message>
        <source>Kernel: accept queue 2 of backlog 1; B and C wait in the backlog; D is in SYN_SENT.</source>
        <translation>Kernel: fila de accept 2 com backlog 1; B e C esperam no backlog; D está em SYN_SENT.</translation>
    </message>
    <message>
        <source>A closes. The server&apos;s recv() returns 0, it closes A&apos;s socket and goes back to accept(), which returns B&apos;s connection at once, with B&apos;s message already waiting. That makes room in the queue: D&apos;s next SYN gets in.</source>
        <translation>A fecha. O recv() do servidor retorna 0, ele fecha o socket de A e volta ao accept(), que retorna na hora a conexão de B, com a mensagem de B já esperando. Isso abre lugar na fila: o próximo SYN de D entra.</translation>
    </message>
    <message>
        <source>B, C and D leave</source>
        <translation>B, C e D saem</translation>
    </message>
    <message>
        <source>B and C close, and D gives up. The server serves what C sent, one client after the other, and waits in accept() again.</source>
        <translation>B e C fecham, e D desiste. O servidor atende o que C enviou, um cliente depois do outro, e espera no accept() de novo.</translation>
    </message>
</context>
<context>
    <name>KernelSockets</name>
    <message>
        <source>listening socket :%1</source>
        <translation>socket escutando :%1</translation>
    </message>
    <message>
        <source>server side (%1)</source>
        <translation>lado do servidor (%1)</translation>
    </message>
    <message>
        <source>server side (:%1)</source>
        <translation>lado do servidor (:%1)</translation>
    </message>
    <message>
        <source>client %1</source>
        <translation>cliente %1</translation>
    </message>
    <message>
        <source>a client (:%1)</source>
        <translation>um cliente (:%1)</translation>
    </message>
    <message>
        <source>queue %1 of %2</source>
        <translation>fila %1 de %2</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>aceita</translation>
    </message>
    <message>
        <source>waiting in the backlog</source>
        <translation>esperando no backlog</translation>
    </message>
    <message>
        <source>gone in %1 s</source>
        <translation>some em %1 s</translation>
    </message>
    <message>
        <source>SYN again in %1 s</source>
        <translation>SYN de novo em %1 s</translation>
    </message>
</context>
<context>
    <name>LabNetwork</name>
    <message>
        <source>The lab&apos;s private network cannot be made: %1 failed (%2).</source>
        <translation>Não é possível criar a rede privada do laboratório: %1 falhou (%2).</translation>
    </message>
    <message>
        <source>The lab&apos;s private network cannot be made here: %1 failed (%2). User namespaces may be disabled (sysctl user.max_user_namespaces, kernel.unprivileged_userns_clone, or AppArmor&apos;s kernel.apparmor_restrict_unprivileged_userns).</source>
        <translation>Não é possível criar aqui a rede privada do laboratório: %1 falhou (%2). Os user namespaces podem estar desativados (sysctl user.max_user_namespaces, kernel.unprivileged_userns_clone, ou kernel.apparmor_restrict_unprivileged_userns do AppArmor).</translation>
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
    <name>NagleLesson</name>
    <message>
        <source>not measured yet</source>
        <translation>ainda não medido</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>On this machine&apos;s loopback, from the second send() until the server&apos;s recv() had the whole request: %1 with Nagle, %2 with TCP_NODELAY.</source>
        <translation>No loopback desta máquina, do segundo send() até o recv() do servidor ter o pedido inteiro: %1 com Nagle, %2 com TCP_NODELAY.</translation>
    </message>
    <message>
        <source>the second client only:</source>
        <translation>só o segundo cliente:</translation>
    </message>
    <message>
        <source>with Nagle, this one waits for an ACK:</source>
        <translation>com Nagle, este espera por um ACK:</translation>
    </message>
    <message>
        <source>the server answers a whole line only:</source>
        <translation>o servidor espera a linha inteira:</translation>
    </message>
    <message>
        <source>Nagle&apos;s algorithm and delayed ACK</source>
        <translation>O algoritmo de Nagle e o ACK atrasado</translation>
    </message>
    <message>
        <source>A request/reply server</source>
        <translation>Um servidor de pedido e resposta</translation>
    </message>
    <message>
        <source>This server answers each complete line (up to the line break) with one send(), as a web server answers only a whole request. Client A connects and exchanges a first line with it.</source>
        <translation>Este servidor responde cada linha completa (até a quebra de linha) com um send(), como um servidor web só responde a um pedido inteiro. O cliente A se conecta e troca uma primeira linha com ele.</translation>
    </message>
    <message>
        <source>Sequence diagram: A&apos;s line and the server&apos;s answer.</source>
        <translation>Diagrama de sequência: a linha de A e a resposta do servidor.</translation>
    </message>
    <message>
        <source>Two small sends, Nagle on</source>
        <translation>Dois sends pequenos, com Nagle</translation>
    </message>
    <message>
        <source>A writes its request in two small send() calls and waits for the answer. Nagle&apos;s algorithm lets the first small segment go, but holds the second until the first is acknowledged. The server&apos;s system delays that ACK (on Linux up to tens of milliseconds) hoping to send it with a reply, and the server cannot reply before the whole line is there: both wait.</source>
        <translation>A escreve o seu pedido em duas chamadas send() pequenas e espera a resposta. O algoritmo de Nagle deixa o primeiro segmento pequeno sair, mas segura o segundo até o primeiro ser confirmado. O sistema do servidor atrasa esse ACK (no Linux, até dezenas de milissegundos) esperando enviá-lo junto com uma resposta, e o servidor não pode responder antes de a linha inteira chegar: os dois esperam.</translation>
    </message>
    <message>
        <source>Event log: the time between A&apos;s second send() and the server&apos;s recv() of it.</source>
        <translation>Registro de eventos: o tempo entre o segundo send() de A e o recv() dele no servidor.</translation>
    </message>
    <message>
        <source>Switch Nagle off: TCP_NODELAY</source>
        <translation>Desligar o Nagle: TCP_NODELAY</translation>
    </message>
    <message>
        <source>Client B sets TCP_NODELAY with setsockopt() right after socket(), then connects and exchanges a first line like A.</source>
        <translation>O cliente B ativa TCP_NODELAY com setsockopt() logo depois do socket(), depois se conecta e troca uma primeira linha como A.</translation>
    </message>
    <message>
        <source>Event log: B&apos;s setsockopt(TCP_NODELAY) before its connect().</source>
        <translation>Registro de eventos: o setsockopt(TCP_NODELAY) de B antes do seu connect().</translation>
    </message>
    <message>
        <source>The same two sends, without Nagle</source>
        <translation>Os mesmos dois sends, sem Nagle</translation>
    </message>
    <message>
        <source>B sends the same request in the same two pieces. With TCP_NODELAY the second piece leaves at once, without waiting for an ACK.</source>
        <translation>B envia o mesmo pedido nos mesmos dois pedaços. Com TCP_NODELAY o segundo pedaço sai na hora, sem esperar por um ACK.</translation>
    </message>
    <message>
        <source>Event log: B&apos;s second send() and the server&apos;s recv() of it, close together.</source>
        <translation>Registro de eventos: o segundo send() de B e o recv() dele no servidor, bem próximos.</translation>
    </message>
    <message>
        <source>What this machine measured</source>
        <translation>O que esta máquina mediu</translation>
    </message>
    <message>
        <source>The outcome below gives both delays as measured here, from the events&apos; times. On a real network the delays differ, and loopback may be faster or slower than you expect: measure, do not assume. Better than TCP_NODELAY: write a request with one send().</source>
        <translation>O resultado abaixo dá os dois atrasos medidos aqui, a partir dos horários dos eventos. Numa rede de verdade os atrasos são outros, e o loopback pode ser mais rápido ou mais lento do que você espera: meça, não suponha. Melhor do que TCP_NODELAY: escrever um pedido com um só send().</translation>
    </message>
    <message>
        <source>The outcome line: the two delays.</source>
        <translation>A linha do resultado: os dois atrasos.</translation>
    </message>
    <message>
        <source>With Nagle the second small send waits until the first is ACKed: fewer, fuller PSH ACK segments.</source>
        <translation>Com Nagle o segundo envio pequeno espera o ACK do primeiro: menos segmentos PSH ACK, mais cheios.</translation>
    </message>
    <message>
        <source>With TCP_NODELAY each send() is a segment of its own, at once: one PSH ACK per send().</source>
        <translation>Com TCP_NODELAY cada send() vira um segmento próprio, na hora: um PSH ACK por send().</translation>
    </message>
</context>
<context>
    <name>PacketCapture</name>
    <message>
        <source>Cannot capture packets: %1</source>
        <translation>Não foi possível capturar pacotes: %1</translation>
    </message>
    <message>
        <source>Cannot capture packets: %1() failed: %2</source>
        <translation>Não foi possível capturar pacotes: %1() falhou: %2</translation>
    </message>
    <message>
        <source>Cannot run %1: %2</source>
        <translation>Não foi possível executar %1: %2</translation>
    </message>
    <message>
        <source>Cannot capture packets: %1 did not start capturing.</source>
        <translation>Não foi possível capturar pacotes: %1 não começou a capturar.</translation>
    </message>
    <message>
        <source>No packets were captured yet.</source>
        <translation>Nenhum pacote foi capturado ainda.</translation>
    </message>
    <message>
        <source>Cannot write the capture to %1: %2</source>
        <translation>Não foi possível gravar a captura em %1: %2</translation>
    </message>
</context>
<context>
    <name>PacketLabel</name>
    <message>
        <source>%1 packets</source>
        <translation>%1 pacotes</translation>
    </message>
    <message>
        <source>ICMP port unreachable</source>
        <translation>ICMP porta inalcançável</translation>
    </message>
    <message>
        <source>ICMP destination unreachable</source>
        <translation>ICMP destino inalcançável</translation>
    </message>
    <message>
        <source> (window probe)</source>
        <translation> (sonda de janela)</translation>
    </message>
    <message>
        <source> (retransmission)</source>
        <translation> (retransmissão)</translation>
    </message>
</context>
<context>
    <name>PcapngWriter</name>
    <message>
        <source>Cannot write the capture to %1: %2</source>
        <translation>Não foi possível gravar a captura em %1: %2</translation>
    </message>
</context>
<context>
    <name>PollLesson</name>
    <message>
        <source>Iterative: the others waited for the slow client: %1. Thread: %2 threads served three clients. Poll: %3 thread served them.</source>
        <translation>Iterativo: os outros esperaram pelo cliente lento: %1. Thread: %2 threads atenderam três clientes. Poll: %3 thread os atendeu.</translation>
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
        <source>iterative: one client at a time</source>
        <translation>iterativo: um cliente por vez</translation>
    </message>
    <message>
        <source>thread: one thread per client</source>
        <translation>thread: uma thread por cliente</translation>
    </message>
    <message>
        <source>poll: one thread waits for every socket</source>
        <translation>poll: uma thread, todos os sockets</translation>
    </message>
    <message>
        <source>poll() skips it</source>
        <translation>poll() o ignora</translation>
    </message>
    <message>
        <source>One thread, many clients: poll()</source>
        <translation>Uma thread, muitos clientes: poll()</translation>
    </message>
    <message>
        <source>An iterative server and a slow client</source>
        <translation>Um servidor iterativo e um cliente lento</translation>
    </message>
    <message>
        <source>The iterative server again. Client A connects and starts its request, then takes its time: it neither finishes nor leaves. The server sits in recv() for A.</source>
        <translation>O servidor iterativo de novo. O cliente A se conecta e começa seu pedido, e então demora: não termina nem sai. O servidor fica parado em recv() esperando por A.</translation>
    </message>
    <message>
        <source>Event log: A&apos;s first message; the server is busy with A.</source>
        <translation>Registro de eventos: a primeira mensagem de A; o servidor está ocupado com A.</translation>
    </message>
    <message>
        <source>B and C wait behind the slow client</source>
        <translation>B e C esperam atrás do cliente lento</translation>
    </message>
    <message>
        <source>B and C connect and send. The system completes their connections, but the server does not accept them while A is still there: one slow client holds up everyone.</source>
        <translation>B e C se conectam e enviam. O sistema completa as conexões deles, mas o servidor não as aceita enquanto A ainda está lá: um cliente lento segura todo mundo.</translation>
    </message>
    <message>
        <source>Sequence diagram: B&apos;s and C&apos;s messages stay open; nothing from them in the log.</source>
        <translation>Diagrama de sequência: as mensagens de B e C ficam abertas; nada deles no registro.</translation>
    </message>
    <message>
        <source>A thread per client</source>
        <translation>Uma thread por cliente</translation>
    </message>
    <message>
        <source>The server restarts with a thread per connection, and the same three clients come again as D (slow), E and F. Each gets its own thread: E and F are served at once, while D&apos;s thread waits in recv() for D.</source>
        <translation>O servidor reinicia com uma thread por conexão, e os mesmos três clientes voltam como D (lento), E e F. Cada um ganha sua própria thread: E e F são atendidos na hora, enquanto a thread de D espera em recv() por D.</translation>
    </message>
    <message>
        <source>Processes: a handler thread for each of D, E and F.</source>
        <translation>Processos: uma thread de atendimento para cada um de D, E e F.</translation>
    </message>
    <message>
        <source>One thread for everyone: poll()</source>
        <translation>Uma thread para todos: poll()</translation>
    </message>
    <message>
        <source>Now the server runs one thread that calls poll() on the listening socket and every connection at once. poll() returns the descriptors that are ready; the server accepts or reads only those, so it never waits for one client. G (slow), H and I are all served by that one thread.</source>
        <translation>Agora o servidor roda uma thread que chama poll() sobre o socket de escuta e todas as conexões de uma vez. poll() devolve os descritores que estão prontos; o servidor aceita ou lê apenas esses, então nunca fica esperando por um cliente. G (lento), H e I são todos atendidos por essa única thread.</translation>
    </message>
    <message>
        <source>Processes: one server thread, no handler threads; event log: every line has the same thread id.</source>
        <translation>Processos: uma thread do servidor, nenhuma thread de atendimento; registro de eventos: toda linha tem o mesmo id de thread.</translation>
    </message>
    <message>
        <source>poll() says who is ready</source>
        <translation>poll() diz quem está pronto</translation>
    </message>
    <message>
        <source>H and I leave, then G finally finishes and leaves. Each time poll() returns, it says which descriptor is ready; recv() on it cannot block. recv() returns 0 when a client has closed, and the server closes that socket and stops watching it.</source>
        <translation>H e I saem, depois G finalmente termina e sai. Cada vez que poll() retorna, ele diz qual descritor está pronto; recv() nele não pode bloquear. recv() retorna 0 quando um cliente fechou, e o servidor fecha aquele socket e deixa de observá-lo.</translation>
    </message>
    <message>
        <source>Event log: &quot;poll(...) -&gt; 1 ready: fd N readable&quot; before each recv().</source>
        <translation>Registro de eventos: &quot;poll(...) -&gt; 1 prontos: fd N readable&quot; antes de cada recv().</translation>
    </message>
</context>
<context>
    <name>PollLoop</name>
    <message>
        <source>readable</source>
        <translation>legível</translation>
    </message>
    <message>
        <source>writable</source>
        <translation>gravável</translation>
    </message>
    <message>
        <source>hung up</source>
        <translation>desligado</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erro</translation>
    </message>
    <message>
        <source>fd %1 %2</source>
        <translation>fd %1 %2</translation>
    </message>
    <message>
        <source> and </source>
        <translation> e </translation>
    </message>
    <message>
        <source>fd %1 stop</source>
        <translation>fd %1 parada</translation>
    </message>
    <message>
        <source>fd %1 new connection</source>
        <translation>fd %1 nova conexão</translation>
    </message>
</context>
<context>
    <name>PrivateNetwork</name>
    <message>
        <source>A private network cannot be made here: %1 failed (%2). User namespaces may be disabled (sysctl user.max_user_namespaces, kernel.unprivileged_userns_clone, or AppArmor&apos;s kernel.apparmor_restrict_unprivileged_userns). The program was not run: SocketLab never runs it without one.</source>
        <translation>Não é possível criar uma rede privada aqui: %1 falhou (%2). Os user namespaces podem estar desativados (sysctl user.max_user_namespaces, kernel.unprivileged_userns_clone, ou kernel.apparmor_restrict_unprivileged_userns do AppArmor). O programa não foi executado: o SocketLab nunca o executa sem uma.</translation>
    </message>
    <message>
        <source>(The caller already runs threads.)</source>
        <translation>(Quem chamou já tem threads rodando.)</translation>
    </message>
    <message>
        <source>Started as root, SocketLab runs the program as the user nobody, and it cannot become nobody here: setresuid failed (%1). Run the check as an ordinary user. The program was not run.</source>
        <translation>Iniciado como root, o SocketLab executa o programa como o usuário nobody, e aqui não consegue se tornar nobody: setresuid falhou (%1). Execute a verificação como um usuário comum. O programa não foi executado.</translation>
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
    <message>
        <source>waiting in accept()</source>
        <translation>esperando em accept()</translation>
    </message>
    <message>
        <source>blocked in recv()</source>
        <translation>bloqueado em recv()</translation>
    </message>
    <message>
        <source>waiting in recvfrom()</source>
        <translation>esperando em recvfrom()</translation>
    </message>
    <message>
        <source>waiting in poll()</source>
        <translation>esperando em poll()</translation>
    </message>
    <message>
        <source>blocked in %1()</source>
        <translation>bloqueado em %1()</translation>
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
    <message>
        <source>(every client)</source>
        <translation>(todos os clientes)</translation>
    </message>
    <message>
        <source>poll() loop thread</source>
        <translation>Thread do laço de poll()</translation>
    </message>
</context>
<context>
    <name>RecipePrograms</name>
    <message>
        <source>TCP server, one client at a time (recipe)</source>
        <translation>Servidor TCP, um cliente por vez (receita)</translation>
    </message>
    <message>
        <source>TCP server, one process per client (recipe)</source>
        <translation>Servidor TCP, um processo por cliente (receita)</translation>
    </message>
    <message>
        <source>TCP server, one thread per client (recipe)</source>
        <translation>Servidor TCP, uma thread por cliente (receita)</translation>
    </message>
    <message>
        <source>TCP client (recipe)</source>
        <translation>Cliente TCP (receita)</translation>
    </message>
    <message>
        <source>UDP server (recipe)</source>
        <translation>Servidor UDP (receita)</translation>
    </message>
    <message>
        <source>UDP client (recipe)</source>
        <translation>Cliente UDP (receita)</translation>
    </message>
    <message>
        <source>en</source>
        <extracomment>The folder of the bundled programs whose comments are in this language: &quot;pt_BR&quot; for Brazilian Portuguese, &quot;en&quot; for English. Translate to the language&apos;s code only.</extracomment>
        <translation>pt_BR</translation>
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
    <message>
        <source>fails: ECONNREFUSED</source>
        <translation>falha: ECONNREFUSED (recusada)</translation>
    </message>
    <message>
        <source>returns 7, and nothing else happens</source>
        <translation>retorna 7, e nada mais acontece</translation>
    </message>
    <message>
        <source>fails: ConnectionRefusedError</source>
        <translation>falha: ConnectionRefusedError</translation>
    </message>
    <message>
        <source>The SYN goes out and RST ACK comes back at once from the closed port: that reset is the &quot;connection refused&quot;.</source>
        <translation>O SYN sai e um RST ACK volta na hora da porta fechada: esse reset é o &quot;conexão recusada&quot;.</translation>
    </message>
    <message>
        <source>The datagram (UDP len=7) goes out and the system answers ICMP port unreachable; an unconnected UDP socket never hears of it.</source>
        <translation>O datagrama (UDP len=7) sai e o sistema responde ICMP porta inalcançável; um socket UDP não conectado nunca fica sabendo.</translation>
    </message>
</context>
<context>
    <name>RubricTrace</name>
    <message>
        <source>%1 (tid %2)</source>
        <translation>%1 (tid %2)</translation>
    </message>
    <message>
        <source>%1 What to change: %2</source>
        <translation>%1 O que mudar: %2</translation>
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
    <message>
        <source>%1(): %2: nobody reads it</source>
        <translation>%1(): %2: ninguém lê</translation>
    </message>
    <message>
        <source>%1(): %2</source>
        <translation>%1(): %2</translation>
    </message>
    <message>
        <source>%1(): %2 (%3)</source>
        <translation>%1(): %2 (%3)</translation>
    </message>
    <message>
        <source>close(): RST</source>
        <translation>close(): RST</translation>
    </message>
    <message>
        <source>shutdown(SHUT_WR): FIN</source>
        <translation>shutdown(SHUT_WR): FIN</translation>
    </message>
    <message>
        <source>connect()…</source>
        <translation>connect()…</translation>
    </message>
    <message>
        <source>%1 ×%2, %3</source>
        <translation>%1 ×%2, %3</translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
</context>
<context>
    <name>ServerRubric</name>
    <message>
        <source>SocketLab&apos;s clients could not reach the program: it never listened on port %1.</source>
        <translation>Os clientes do SocketLab não alcançaram o programa: ele nunca escutou na porta %1.</translation>
    </message>
    <message>
        <source>make the server bind() to port %1 and %2 first.</source>
        <translation>faça o servidor chamar bind() na porta %1 e %2 primeiro.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind(), listen() and accept(), in the recipe&apos;s order.</source>
        <translation>O servidor chama socket(), bind(), listen() e accept(), na ordem da receita.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() and recvfrom(), in the recipe&apos;s order.</source>
        <translation>O servidor chama socket(), bind() e recvfrom(), na ordem da receita.</translation>
    </message>
    <message>
        <source>The trace shows no %1() in the recipe&apos;s order.</source>
        <translation>O rastro não mostra %1() na ordem da receita.</translation>
    </message>
    <message>
        <source>create the socket, bind() it to port %1, listen(), then accept() clients in a loop.</source>
        <translation>crie o socket, faça bind() na porta %1, listen() e depois accept() dos clientes num laço.</translation>
    </message>
    <message>
        <source>create a datagram socket, bind() it to port %1, then recvfrom() in a loop.</source>
        <translation>crie um socket de datagramas, faça bind() na porta %1 e depois recvfrom() num laço.</translation>
    </message>
    <message>
        <source>The server binds port %1.</source>
        <translation>O servidor faz bind() na porta %1.</translation>
    </message>
    <message>
        <source>The server never called bind().</source>
        <translation>O servidor nunca chamou bind().</translation>
    </message>
    <message>
        <source>The server did not bind port %1.</source>
        <translation>O servidor não fez bind() na porta %1.</translation>
    </message>
    <message>
        <source>bind() to port %1 (the recipe&apos;s PORT), on every address (&apos;&apos; in Python, INADDR_ANY in C).</source>
        <translation>faça bind() na porta %1 (o PORT da receita), em todos os endereços (&apos;&apos; em Python, INADDR_ANY em C).</translation>
    </message>
    <message>
        <source>output: %1</source>
        <translation>saída: %1</translation>
    </message>
    <message>
        <source>print the address accept() returns, as the recipe&apos;s print(&apos;Conectado por&apos;, cliente).</source>
        <translation>mostre o endereço que o accept() devolve, como o print(&apos;Conectado por&apos;, cliente) da receita.</translation>
    </message>
    <message>
        <source>print the address recvfrom() returns, as the recipe&apos;s print(cliente, msg).</source>
        <translation>mostre o endereço que o recvfrom() devolve, como o print(cliente, msg) da receita.</translation>
    </message>
    <message>
        <source>The server prints what arrived.</source>
        <translation>O servidor mostra o que chegou.</translation>
    </message>
    <message>
        <source>The output never shows what the first client sent (&quot;%1&quot;).</source>
        <translation>A saída nunca mostra o que o primeiro cliente enviou (&quot;%1&quot;).</translation>
    </message>
    <message>
        <source>print each message as it arrives, with the client&apos;s address (the recipe&apos;s print(cliente, msg)).</source>
        <translation>mostre cada mensagem quando ela chegar, com o endereço do cliente (o print(cliente, msg) da receita).</translation>
    </message>
    <message>
        <source>The server received every datagram, from both clients.</source>
        <translation>O servidor recebeu todos os datagramas, dos dois clientes.</translation>
    </message>
    <message>
        <source>call recvfrom() again in a loop, for every client: UDP has no connection to wait for.</source>
        <translation>chame recvfrom() de novo num laço, para todos os clientes: UDP não tem conexão a esperar.</translation>
    </message>
    <message>
        <source>The server read every byte the first client sent (%1, a line of 1,500 bytes among them).</source>
        <translation>O servidor leu todos os bytes que o primeiro cliente enviou (%1, entre eles uma linha de 1.500 bytes).</translation>
    </message>
    <message>
        <source>Of the %1 bytes the first client sent, the server read %2.</source>
        <translation>Dos %1 bytes que o primeiro cliente enviou, o servidor leu %2.</translation>
    </message>
    <message>
        <source>call recv() again while data arrives: a line of 1,500 bytes takes two recv(1024).</source>
        <translation>chame recv() de novo enquanto chegarem dados: uma linha de 1.500 bytes precisa de dois recv(1024).</translation>
    </message>
    <message>
        <source>The server never saw the first client leave: no recv() returned 0 on its connection.</source>
        <translation>O servidor nunca viu o primeiro cliente sair: nenhum recv() devolveu 0 na conexão dele.</translation>
    </message>
    <message>
        <source>keep calling recv() until it returns 0 (b&apos;&apos; in Python), then close() the connection.</source>
        <translation>continue chamando recv() até ele devolver 0 (b&apos;&apos; em Python) e então feche a conexão com close().</translation>
    </message>
    <message>
        <source>recv() returned 0 (the client had left), but the connection was never closed.</source>
        <translation>recv() devolveu 0 (o cliente tinha saído), mas a conexão nunca foi fechada.</translation>
    </message>
    <message>
        <source>when recv() returns 0, leave the loop and close() the connection (the recipe&apos;s con.close()).</source>
        <translation>quando recv() devolver 0, saia do laço e feche a conexão com close() (o con.close() da receita).</translation>
    </message>
    <message>
        <source>When recv() returns 0 the server closes the connection.</source>
        <translation>Quando recv() devolve 0 o servidor fecha a conexão.</translation>
    </message>
    <message>
        <source>The server goes back to accept() for the next client.</source>
        <translation>O servidor volta ao accept() para o próximo cliente.</translation>
    </message>
    <message>
        <source>after a client, go back to accept() for the next one: accept() in a loop (the recipe&apos;s while True).</source>
        <translation>depois de um cliente, volte ao accept() para o próximo: accept() num laço (o while True da receita).</translation>
    </message>
    <message>
        <source>After a client&apos;s reset (RST), the server serves the next client.</source>
        <translation>Depois do reset (RST) de um cliente, o servidor atende o próximo cliente.</translation>
    </message>
    <message>
        <source>After a client left with a reset (RST), the next client was not served.</source>
        <translation>Depois que um cliente saiu com um reset (RST), o próximo cliente não foi atendido.</translation>
    </message>
    <message>
        <source>The server ended when a client left with a reset (RST): its recv() failed with ECONNRESET (&quot;Connection reset by peer&quot;).</source>
        <translation>O servidor terminou quando um cliente saiu com um reset (RST): seu recv() falhou com ECONNRESET (&quot;Connection reset by peer&quot;).</translation>
    </message>
    <message>
        <source>catch that error (ConnectionResetError in Python, recv() returning -1 in C), close that connection and keep serving.</source>
        <translation>trate esse erro (ConnectionResetError em Python, recv() devolvendo -1 em C), feche essa conexão e continue atendendo.</translation>
    </message>
    <message>
        <source>An iterative server serves one client at a time, as the recipe&apos;s.</source>
        <translation>Um servidor iterativo atende um cliente por vez, como o da receita.</translation>
    </message>
    <message>
        <source>The second client&apos;s data was read while the first was still connected.</source>
        <translation>Os dados do segundo cliente foram lidos enquanto o primeiro ainda estava conectado.</translation>
    </message>
    <message>
        <source>The second client&apos;s data was not read while the first was still connected: the server serves one client at a time.</source>
        <translation>Os dados do segundo cliente não foram lidos enquanto o primeiro ainda estava conectado: o servidor atende um cliente por vez.</translation>
    </message>
    <message>
        <source>after accept(), fork() and let the child serve the client while the parent goes straight back to accept().</source>
        <translation>depois do accept(), faça fork() e deixe o filho atender o cliente enquanto o pai volta direto ao accept().</translation>
    </message>
    <message>
        <source>after accept(), start a thread that serves the client while the main thread goes straight back to accept().</source>
        <translation>depois do accept(), inicie uma thread que atenda o cliente enquanto a thread principal volta direto ao accept().</translation>
    </message>
    <message>
        <source>The server accepted no client.</source>
        <translation>O servidor não aceitou nenhum cliente.</translation>
    </message>
    <message>
        <source>accept() the clients that connect.</source>
        <translation>aceite com accept() os clientes que se conectam.</translation>
    </message>
    <message>
        <source>close() every connection when its client leaves (in a fork server, the parent&apos;s copy right after fork() too).</source>
        <translation>feche com close() cada conexão quando o cliente dela sair (num servidor com fork, também a cópia do pai logo depois do fork()).</translation>
    </message>
    <message>
        <source>The server prints who connected (the client&apos;s address, port %1).</source>
        <translation>O servidor mostra quem se conectou (o endereço do cliente, porta %1).</translation>
    </message>
    <message>
        <source>The server prints who sent (the client&apos;s address, port %1).</source>
        <translation>O servidor mostra quem enviou (o endereço do cliente, porta %1).</translation>
    </message>
    <message>
        <source>The output never shows who connected (the first client came from port %1).</source>
        <translation>A saída nunca mostra quem se conectou (o primeiro cliente veio da porta %1).</translation>
    </message>
    <message>
        <source>The output never shows who sent (the first client sent from port %1).</source>
        <translation>A saída nunca mostra quem enviou (o primeiro cliente enviou da porta %1).</translation>
    </message>
    <message numerus="yes">
        <source>The server received %1 of the %n datagram(s) SocketLab&apos;s clients sent.</source>
        <translation>
            <numerusform>O servidor recebeu %1 do %n datagrama que os clientes do SocketLab enviaram.</numerusform>
            <numerusform>O servidor recebeu %1 dos %n datagramas que os clientes do SocketLab enviaram.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server accepted %n client(s); %1 came.</source>
        <translation>
            <numerusform>O servidor aceitou %n cliente; vieram %1.</numerusform>
            <numerusform>O servidor aceitou %n clientes; vieram %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No descriptor is left behind: once the clients had left, the server had closed the %n connection(s) it accepted.</source>
        <translation>
            <numerusform>Nenhum descritor fica para trás: depois que os clientes saíram, o servidor tinha fechado a %n conexão que aceitou.</numerusform>
            <numerusform>Nenhum descritor fica para trás: depois que os clientes saíram, o servidor tinha fechado as %n conexões que aceitou.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After the clients had left, %n of their connections stayed open in the server: its descriptors grow with every client.</source>
        <translation>
            <numerusform>Depois que os clientes saíram, %n das conexões deles continuou aberta no servidor: seus descritores crescem a cada cliente.</numerusform>
            <numerusform>Depois que os clientes saíram, %n das conexões deles continuaram abertas no servidor: seus descritores crescem a cada cliente.</numerusform>
        </translation>
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
        <source>the one counter</source>
        <translation>o único contador</translation>
    </message>
    <message>
        <source>or</source>
        <translation>ou</translation>
    </message>
    <message>
        <source>child</source>
        <translation>filho</translation>
    </message>
    <message>
        <source>its own copy</source>
        <translation>sua própria cópia</translation>
    </message>
    <message>
        <source>runs in a thread</source>
        <translation>roda numa thread</translation>
    </message>
    <message>
        <source>Threads: the server&apos;s counter reached %1. Children: each counted to 1; the server&apos;s counter is %2. CLOSE_WAIT left by a thread that forgot close(): %3.</source>
        <translation>Threads: o contador do servidor chegou a %1. Filhos: cada um contou até 1; o contador do servidor é %2. CLOSE_WAIT deixado por uma thread que esqueceu o close(): %3.</translation>
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
        <source>Threads share descriptors too</source>
        <translation>Threads também compartilham descritores</translation>
    </message>
    <message>
        <source>A thread server with a bug: the handler thread forgets close() when its client leaves. The thread ends, but the descriptor belongs to the whole process and stays open. Client G sends and leaves: G&apos;s side waits in FIN_WAIT2 and the server&apos;s side stays in CLOSE_WAIT until the server stops.</source>
        <translation>Um servidor com threads e um bug: a thread que atende esquece o close() quando o seu cliente sai. A thread termina, mas o descritor pertence ao processo inteiro e continua aberto. O cliente G envia e sai: o lado de G espera em FIN_WAIT2 e o lado do servidor fica em CLOSE_WAIT até o servidor parar.</translation>
    </message>
    <message>
        <source>Kernel: client G in FIN_WAIT2, the server&apos;s side in CLOSE_WAIT.</source>
        <translation>Kernel: o cliente G em FIN_WAIT2, o lado do servidor em CLOSE_WAIT.</translation>
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
    <name>StudentRoster</name>
    <message>
        <source>Student %1 (%2)</source>
        <translation>Aluno %1 (%2)</translation>
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
    <message>
        <source>server</source>
        <translation>servidor</translation>
    </message>
    <message>
        <source>client</source>
        <translation>cliente</translation>
    </message>
    <message>
        <source>The recipe&apos;s server step 5: accept() waits for a client. Nothing else happens in the server until one connects.</source>
        <translation>Passo 5 do servidor na receita: accept() espera um cliente. Nada mais acontece no servidor até que um se conecte.</translation>
    </message>
    <message>
        <source>The recipe&apos;s server step 8: the server goes back to its step 5, accept(), and waits for the next client. The listening socket was never used to talk: it only accepts.</source>
        <translation>Passo 8 do servidor na receita: o servidor volta ao seu passo 5, accept(), e espera o próximo cliente. O socket que escuta nunca foi usado para conversar: ele só aceita.</translation>
    </message>
    <message>
        <source>connect() sends SYN; the server&apos;s system answers SYN ACK and the client&apos;s ACK completes the handshake, all before accept() returns. accept() sends nothing: it takes a connection the system already made.</source>
        <translation>connect() envia SYN; o sistema do servidor responde SYN ACK e o ACK do cliente completa o handshake, tudo antes de accept() retornar. accept() não envia nada: ele pega uma conexão que o sistema já fez.</translation>
    </message>
    <message>
        <source>send() puts PSH ACK len=5 on the wire; the server&apos;s system answers ACK before recv() even runs.</source>
        <translation>send() envia um PSH ACK len=5; o sistema do servidor responde ACK antes mesmo de recv() rodar.</translation>
    </message>
    <message>
        <source>close() sends FIN ACK; the server&apos;s close() sends its own FIN ACK, and each side ACKs the other&apos;s FIN.</source>
        <translation>close() envia FIN ACK; o close() do servidor envia o seu próprio FIN ACK, e cada lado confirma (ACK) o FIN do outro.</translation>
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
        <source>%1 different senders, %2 connections accepted.</source>
        <translation>%1 remetentes diferentes, %2 conexões aceitas.</translation>
    </message>
    <message>
        <source>server</source>
        <translation>servidor</translation>
    </message>
    <message>
        <source>client</source>
        <translation>cliente</translation>
    </message>
    <message>
        <source>Client C sent %1 datagrams, the server received %2; dropped by the kernel: %3 (receive buffer full).</source>
        <translation>O cliente C enviou %1 datagramas, o servidor recebeu %2; descartados pelo kernel: %3 (buffer de recepção cheio).</translation>
    </message>
    <message>
        <source>step 6: a small buffer</source>
        <translation>passo 6: um buffer pequeno</translation>
    </message>
    <message>
        <source>client C: 100 at once</source>
        <translation>cliente C: 100 de uma vez</translation>
    </message>
    <message>
        <source>buffer full: dropped, no error</source>
        <translation>buffer cheio: descartado, sem erro</translation>
    </message>
    <message>
        <source>Client C sends faster than the server reads</source>
        <translation>O cliente C envia mais rápido do que o servidor lê</translation>
    </message>
    <message>
        <source>The server starts again with a small receive buffer (4096 bytes; Linux doubles it) and does not read yet. Client C sends 100 datagrams of 1 KiB back to back. The kernel keeps what fits in the buffer and drops the rest: UDP never retransmits, and sendto() does not tell the sender. Then the server reads.</source>
        <translation>O servidor recomeça com um buffer de recepção pequeno (4096 bytes; o Linux o dobra) e ainda não lê. O cliente C envia 100 datagramas de 1 KiB, um atrás do outro. O kernel guarda o que cabe no buffer e descarta o resto: o UDP nunca retransmite, e sendto() não avisa o remetente. Depois o servidor lê.</translation>
    </message>
    <message>
        <source>Event log: the server receives only a few of C&apos;s 100 datagrams; the result line gives the kernel&apos;s drop count.</source>
        <translation>Registro de eventos: o servidor recebe só alguns dos 100 datagramas de C; a linha de resultado dá a contagem de descartes do kernel.</translation>
    </message>
    <message>
        <source>longer: the rest is lost</source>
        <translation>maior: o resto se perde</translation>
    </message>
    <message>
        <source>Client A sends again: 2,000 bytes</source>
        <translation>O cliente A envia de novo: 2.000 bytes</translation>
    </message>
    <message>
        <source>Nothing was kept between A&apos;s two datagrams: the server simply receives another datagram from the same address. This one holds 2,000 bytes, but recvfrom(s, buf, 1024, ...) gives only the first 1,024: a datagram is read whole in one call, and what does not fit in the buffer is thrown away, with no error. SocketLab asks with the MSG_TRUNC flag, which returns the real size, so it can say what was lost.</source>
        <translation>Nada foi guardado entre os dois datagramas de A: o servidor simplesmente recebe outro datagrama do mesmo endereço. Este tem 2.000 bytes, mas recvfrom(s, buf, 1024, ...) entrega só os primeiros 1.024: um datagrama é lido inteiro numa só chamada, e o que não cabe no buffer é descartado, sem erro. O SocketLab pede com a flag MSG_TRUNC, que devolve o tamanho real, e assim pode dizer o que se perdeu.</translation>
    </message>
    <message>
        <source>Event log: A&apos;s second line has the same address as its first, and says the datagram had 2,000 bytes but the buffer held only the first 1,024.</source>
        <translation>Registro de eventos: a segunda linha de A tem o mesmo endereço que a primeira e diz que o datagrama tinha 2.000 bytes, mas o buffer guardou só os primeiros 1.024.</translation>
    </message>
    <message>
        <source>One datagram, one packet: UDP len=N, no handshake, no ACK.</source>
        <translation>Um datagrama, um pacote: UDP len=N, sem handshake, sem ACK.</translation>
    </message>
    <message>
        <source>Every UDP arrow reached the server&apos;s system; the ones recvfrom() never returned were dropped there, the receive buffer being full.</source>
        <translation>Toda seta UDP chegou ao sistema do servidor; as que recvfrom() nunca devolveu foram descartadas lá, com o buffer de recepção cheio.</translation>
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
    <name>socketlab::CallLanesModel</name>
    <message>
        <source>Program %1
%2</source>
        <translation>Programa %1
%2</translation>
    </message>
    <message>
        <source>server</source>
        <translation>servidor</translation>
    </message>
    <message>
        <source>client</source>
        <translation>cliente</translation>
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
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Lanes</source>
        <translation>Raias</translation>
    </message>
    <message>
        <source>A column per participant: each client, the server and each of its threads or children, each process and thread of a program you run; calls in the order they happened.</source>
        <translation>Uma coluna por participante: cada cliente, o servidor e cada uma de suas threads ou filhos, cada processo e thread de um programa que você executa; as chamadas na ordem em que aconteceram.</translation>
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
    <message>
        <source>Program %1, server</source>
        <translation>Programa %1, servidor</translation>
    </message>
    <message>
        <source>Program %1, client</source>
        <translation>Programa %1, cliente</translation>
    </message>
    <message>
        <source>Wire</source>
        <translation>Rede</translation>
    </message>
</context>
<context>
    <name>socketlab::CheckDialog</name>
    <message>
        <source>TCP server, one client at a time</source>
        <translation>Servidor TCP, um cliente por vez</translation>
    </message>
    <message>
        <source>TCP server, one process per client (fork)</source>
        <translation>Servidor TCP, um processo por cliente (fork)</translation>
    </message>
    <message>
        <source>TCP server, one thread per client</source>
        <translation>Servidor TCP, uma thread por cliente</translation>
    </message>
    <message>
        <source>TCP client</source>
        <translation>Cliente TCP</translation>
    </message>
    <message>
        <source>UDP server</source>
        <translation>Servidor UDP</translation>
    </message>
    <message>
        <source>UDP client</source>
        <translation>Cliente UDP</translation>
    </message>
    <message>
        <source>Choose the program to check</source>
        <translation>Escolha o programa a verificar</translation>
    </message>
    <message>
        <source>Python programs (*.py);;All files (*)</source>
        <translation>Programas Python (*.py);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No evidence: nothing in the trace or the output was needed to decide it.</source>
        <translation>Sem evidências: nada do rastreamento nem da saída foi preciso para decidir.</translation>
    </message>
    <message>
        <source>Evidence (process, [recipe step] call, thread):</source>
        <translation>Evidências (processo, [passo da receita] chamada, thread):</translation>
    </message>
    <message>
        <source>Choose the exercise and the program, then Check. The program runs in a private network of its own, with time and resource limits.</source>
        <translation>Escolha o exercício e o programa e clique em Verificar. O programa roda numa rede privada só sua, com limites de tempo e de recursos.</translation>
    </message>
    <message>
        <source>Checking... SocketLab drives the program as the exercise expects.</source>
        <translation>Verificando... O SocketLab conduz o programa como o exercício espera.</translation>
    </message>
    <message>
        <source>Stopping the check...</source>
        <translation>Interrompendo a verificação...</translation>
    </message>
    <message>
        <source>Stopped: the check and the program were ended.</source>
        <translation>Interrompida: a verificação e o programa foram encerrados.</translation>
    </message>
    <message>
        <source>Check a program</source>
        <translation>Verificar um programa</translation>
    </message>
    <message>
        <source>&amp;Exercise:</source>
        <translation>&amp;Exercício:</translation>
    </message>
    <message>
        <source>&amp;Program file:</source>
        <translation>&amp;Arquivo do programa:</translation>
    </message>
    <message>
        <source>A Python program (.py) or an executable</source>
        <translation>Um programa Python (.py) ou um executável</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Procurar...</translation>
    </message>
    <message>
        <source>Or the &amp;recipe&apos;s:</source>
        <translation>Ou um da &amp;receita:</translation>
    </message>
    <message>
        <source>&amp;Details of the selected item:</source>
        <translation>&amp;Detalhes do item selecionado:</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Verificar</translation>
    </message>
    <message>
        <source>Runs the program in a private network and grades it against the exercise</source>
        <translation>Roda o programa numa rede privada e o avalia conforme o exercício</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Interromper</translation>
    </message>
    <message>
        <source>Stops the check and every process of the program</source>
        <translation>Interrompe a verificação e todos os processos do programa</translation>
    </message>
    <message>
        <source>(choose one to check it)</source>
        <translation>(escolha um para verificá-lo)</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n item(s) passed (items that do not apply are not counted).</source>
        <translation>
            <numerusform>%1 de %n item passou (itens que não se aplicam não são contados).</numerusform>
            <numerusform>%1 de %n itens passaram (itens que não se aplicam não são contados).</numerusform>
        </translation>
    </message>
    <message>
        <source>Calls of the program</source>
        <translation>Chamadas do programa</translation>
    </message>
    <message>
        <source>Log of the program</source>
        <translation>Registro do programa</translation>
    </message>
</context>
<context>
    <name>socketlab::CheckProcess</name>
    <message>
        <source>Choose the program file to check.</source>
        <translation>Escolha o arquivo do programa a verificar.</translation>
    </message>
    <message>
        <source>%1 cannot be run: choose a Python program (.py) or an executable file.</source>
        <translation>%1 não pode ser executado: escolha um programa Python (.py) ou um arquivo executável.</translation>
    </message>
    <message>
        <source>socketlab-cli, which runs the check, was not found beside SocketLab.</source>
        <translation>O socketlab-cli, que faz a verificação, não foi encontrado junto do SocketLab.</translation>
    </message>
    <message>
        <source>Cannot make a folder for the check: %1</source>
        <translation>Não foi possível criar uma pasta para a verificação: %1</translation>
    </message>
    <message>
        <source>The check ended abnormally.</source>
        <translation>A verificação terminou de forma anormal.</translation>
    </message>
    <message>
        <source>The check ended without a result (exit status %1).</source>
        <translation>A verificação terminou sem resultado (código de saída %1).</translation>
    </message>
    <message>
        <source>socketlab-cli could not be started: %1</source>
        <translation>Não foi possível iniciar o socketlab-cli: %1</translation>
    </message>
</context>
<context>
    <name>socketlab::CheckResultsModel</name>
    <message>
        <source>Passed</source>
        <translation>Passou</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Não se aplica</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>What was checked</source>
        <translation>O que foi verificado</translation>
    </message>
</context>
<context>
    <name>socketlab::ClassModel</name>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message>
        <source>left</source>
        <translation>saiu</translation>
    </message>
    <message>
        <source>%1k</source>
        <translation>%1 mil</translation>
    </message>
    <message>
        <source>%1·%2</source>
        <translation>%1·%2</translation>
    </message>
    <message>
        <source>Connected now</source>
        <translation>Conectado agora</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Saiu</translation>
    </message>
    <message>
        <source>TCP state (server side): %1</source>
        <translation>Estado TCP (lado do servidor): %1</translation>
    </message>
    <message>
        <source>Connections: %1    Messages: %2    Bytes: %3</source>
        <translation>Conexões: %1    Mensagens: %2    Bytes: %3</translation>
    </message>
    <message>
        <source>Last message: %1</source>
        <translation>Última mensagem: %1</translation>
    </message>
    <message>
        <source>%1 %2: %3, %4, %5</source>
        <translation>%1 %2: %3, %4, %5</translation>
    </message>
</context>
<context>
    <name>socketlab::ClassroomBanner</name>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copies “%1” to the clipboard</source>
        <translation>Copia “%1” para a área de transferência</translation>
    </message>
    <message>
        <source>This computer has no network address right now.</source>
        <translation>Este computador está sem endereço de rede agora.</translation>
    </message>
    <message>
        <source>How to connect</source>
        <translation>Como se conectar</translation>
    </message>
    <message>
        <source>From your computer, in a terminal:</source>
        <translation>No seu computador, em um terminal:</translation>
    </message>
    <message>
        <source>Or, from another network, one of this computer&apos;s other addresses:</source>
        <translation>Ou, de outra rede, um dos outros endereços deste computador:</translation>
    </message>
    <message>
        <source>Any program that speaks plain sockets works too: a Python script, a second SocketLab. Type a line and press Enter to send it. Esc closes this window.</source>
        <translation>Qualquer programa que fale sockets simples também serve: um script Python, um segundo SocketLab. Digite uma linha e tecle Enter para enviá-la. Esc fecha esta janela.</translation>
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
        <source>Send</source>
        <translation>Enviar</translation>
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
    <message>
        <source>Half-close</source>
        <translation>Fechar envio</translation>
    </message>
    <message>
        <source>shutdown(SHUT_WR): sends a FIN that says &quot;I am done sending&quot; but keeps reading. The server&apos;s recv() returns 0, it may still answer, and the connection ends when the server closes.</source>
        <translation>shutdown(SHUT_WR): envia um FIN que diz &quot;terminei de enviar&quot;, mas continua lendo. O recv() do servidor retorna 0, ele ainda pode responder, e a conexão termina quando o servidor fecha.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Resetar</translation>
    </message>
    <message>
        <source>SO_LINGER {1, 0} then close(): sends an RST instead of a FIN, dropping anything not yet sent. The server&apos;s recv() fails with &quot;Connection reset by peer&quot;; no side waits in TIME_WAIT.</source>
        <translation>SO_LINGER {1, 0} e depois close(): envia um RST em vez de um FIN, descartando o que ainda não foi enviado. O recv() do servidor falha com &quot;Conexão reiniciada pelo outro lado&quot;; nenhum lado espera em TIME_WAIT.</translation>
    </message>
    <message>
        <source>TCP only: a datagram leaves at once anyway.</source>
        <translation>Só TCP: um datagrama já sai na hora.</translation>
    </message>
    <message>
        <source>My address: %1 %2</source>
        <translation>Meu endereço: %1 %2</translation>
    </message>
    <message>
        <source>Burst of 3</source>
        <translation>Rajada de 3</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <source>Type a message; Enter or Send sends it</source>
        <translation>Digite uma mensagem; Enter ou Enviar a envia</translation>
    </message>
    <message>
        <source>No delay</source>
        <translation>Sem atraso</translation>
    </message>
    <message>
        <source>TCP_NODELAY: turns off Nagle&apos;s algorithm, so a small send leaves at once instead of waiting for the previous one&apos;s ACK. Applies at the next connect.</source>
        <translation>TCP_NODELAY: desliga o algoritmo de Nagle, então um envio pequeno sai na hora em vez de esperar o ACK do anterior. Vale a partir da próxima conexão.</translation>
    </message>
    <message>
        <source>Local: %1</source>
        <translation>Local: %1</translation>
    </message>
    <message>
        <source>My address: %1
Server: %2</source>
        <translation>Meu endereço: %1
Servidor: %2</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>ainda desconhecido</translation>
    </message>
    <message>
        <source>← %1 [%2]</source>
        <translation>← %1 [%2]</translation>
    </message>
</context>
<context>
    <name>socketlab::ClientPanes</name>
    <message>
        <source>Adds another client, with its own socket and colour</source>
        <translation>Adiciona outro cliente, com seu próprio socket e sua cor</translation>
    </message>
    <message>
        <source>Add client</source>
        <translation>Adicionar cliente</translation>
    </message>
    <message>
        <source>Remove client %1</source>
        <translation>Remover o cliente %1</translation>
    </message>
</context>
<context>
    <name>socketlab::ConnectionsModel</name>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
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
        <source>The thread or child process that serves this connection</source>
        <translation>A thread ou o processo filho que atende esta conexão</translation>
    </message>
    <message>
        <source>Bytes received by the kernel that the server has not read yet (Recv-Q)</source>
        <translation>Bytes recebidos pelo kernel que o servidor ainda não leu (Recv-Q)</translation>
    </message>
    <message>
        <source>Bytes sent by the server that the client has not acknowledged yet (Send-Q)</source>
        <translation>Bytes enviados pelo servidor que o cliente ainda não confirmou (Send-Q)</translation>
    </message>
    <message>
        <source>Messages received on this connection</source>
        <translation>Mensagens recebidas nesta conexão</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Atendente</translation>
    </message>
    <message>
        <source>Msgs</source>
        <translation>Msgs</translation>
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
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>%1 messages, %2 in a burst; the last: %3</source>
        <translation>%1 mensagens, %2 numa rajada; a última: %3</translation>
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
    <name>socketlab::KernelView</name>
    <message>
        <source>%1 waiting to be accepted, backlog %2</source>
        <translation>%1 esperando o accept, backlog %2</translation>
    </message>
    <message>
        <source>No socket of this lesson in the kernel&apos;s table yet.</source>
        <translation>Ainda nenhum socket desta lição na tabela do kernel.</translation>
    </message>
    <message>
        <source>Listening socket: %1 (Linux queues up to backlog + 1).</source>
        <translation>Socket escutando: %1 (o Linux enfileira até backlog + 1).</translation>
    </message>
    <message>
        <source>No listening socket now: what is left are connections winding down.</source>
        <translation>Nenhum socket escutando agora: o que resta são conexões terminando.</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Recv-Q</source>
        <translation>Recv-Q</translation>
    </message>
    <message>
        <source>Send-Q</source>
        <translation>Send-Q</translation>
    </message>
    <message>
        <source>Accepted?</source>
        <translation>Aceita?</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>Timer</translation>
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
    <message>
        <source>This step sets it itself; your choice applies to the other steps.</source>
        <translation>Este passo define isto por conta própria; a sua escolha vale para os outros passos.</translation>
    </message>
    <message>
        <source>Processes, kernel and event log</source>
        <translation>Processos, kernel e registro de eventos</translation>
    </message>
    <message>
        <source>Kernel: sockets and queues</source>
        <translation>Kernel: sockets e filas</translation>
    </message>
    <message>
        <source>Exit presentation</source>
        <translation>Sair da apresentação</translation>
    </message>
    <message>
        <source>Back to the normal window (F11 or Esc)</source>
        <translation>Volta à janela normal (F11 ou Esc)</translation>
    </message>
    <message>
        <source>On the wire: %1</source>
        <translation>Na rede: %1</translation>
    </message>
</context>
<context>
    <name>socketlab::LogFilterBar</name>
    <message>
        <source>Hide echoes</source>
        <translation>Ocultar ecos</translation>
    </message>
    <message>
        <source>Hide what the server sends back (Echo rows)</source>
        <translation>Oculta o que o servidor devolve (linhas de Eco)</translation>
    </message>
    <message>
        <source>Hide TCP states</source>
        <translation>Ocultar estados TCP</translation>
    </message>
    <message>
        <source>Hide the kernel&apos;s TCP state rows (the table still shows each state)</source>
        <translation>Oculta as linhas de estado TCP do kernel (a tabela continua mostrando cada estado)</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Buscar no registro</translation>
    </message>
    <message>
        <source>Save log and Copy take the rows shown.</source>
        <translation>Salvar registro e Copiar usam as linhas mostradas.</translation>
    </message>
    <message>
        <source>Show the rows of everyone, of one client or of one student. %1</source>
        <translation>Mostra as linhas de todos, de um cliente ou de um aluno. %1</translation>
    </message>
    <message>
        <source>Show only rows whose client, event or message holds this text. %1</source>
        <translation>Mostra só as linhas cujo cliente, evento ou mensagem contém este texto. %1</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation>Cliente %1</translation>
    </message>
    <message>
        <source>Student %1</source>
        <translation>Aluno %1</translation>
    </message>
</context>
<context>
    <name>socketlab::MainWindow</name>
    <message>
        <source>SocketLab</source>
        <translation>SocketLab</translation>
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
        <translation>Adicionar &amp;cliente</translation>
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
    <message>
        <source>Add client</source>
        <translation>Adicionar cliente</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Text size %1%: click for 100% (Ctrl+0)</source>
        <translation>Tamanho do texto %1%: clique para 100% (Ctrl+0)</translation>
    </message>
    <message>
        <source>Exit presentation</source>
        <translation>Sair da apresentação</translation>
    </message>
    <message>
        <source>Back to the normal window (F11 or Esc)</source>
        <translation>Volta à janela normal (F11 ou Esc)</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Turma</translation>
    </message>
    <message>
        <source>Class: %1 of %2 connected</source>
        <translation>Turma: %1 de %2 conectados</translation>
    </message>
    <message>
        <source>The server did not start: %1</source>
        <translation>O servidor não iniciou: %1</translation>
    </message>
    <message>
        <source>Server stopped: its connected client was cut off; its next recv() returns 0 and a send() gets a reset</source>
        <translation>Servidor parado: o cliente conectado foi desligado; o próximo recv() dele retorna 0 e um send() recebe um reset</translation>
    </message>
    <message numerus="yes">
        <source>Server stopped: %n connected clients were cut off; their next recv() returns 0 and a send() gets a reset</source>
        <translation>
            <numerusform>Servidor parado: %n clientes conectados foram desligados; o próximo recv() deles retorna 0 e um send() recebe um reset</numerusform>
            <numerusform>Servidor parado: %n clientes conectados foram desligados; o próximo recv() deles retorna 0 e um send() recebe um reset</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;heck a program...</source>
        <translation>&amp;Verificar um programa...</translation>
    </message>
</context>
<context>
    <name>socketlab::PacketListModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>From → To</source>
        <translation>De → Para</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Seq / Ack</source>
        <translation>Seq / Ack</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Janela</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Enviado por</translation>
    </message>
    <message>
        <source>%1 packets (%2 of payload) counted but not listed: the display lagged</source>
        <translation>%1 pacotes (%2 de carga útil) contados mas não listados: a exibição ficou para trás</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>ICMP port unreachable</source>
        <translation>ICMP porta inalcançável</translation>
    </message>
    <message>
        <source>ICMP unreachable</source>
        <translation>ICMP inalcançável</translation>
    </message>
    <message>
        <source> (retransmission)</source>
        <translation> (retransmissão)</translation>
    </message>
    <message>
        <source> (zero window)</source>
        <translation> (janela zero)</translation>
    </message>
    <message>
        <source> (window probe)</source>
        <translation> (sonda de janela)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1() (pid %2)</source>
        <translation>%1() (pid %2)</translation>
    </message>
</context>
<context>
    <name>socketlab::ProcessView</name>
    <message>
        <source>finished</source>
        <translation>terminada</translation>
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
    <message>
        <source>TCP connections in TIME_WAIT on port %1: %2 on the server&apos;s side, %3 on the clients&apos; side</source>
        <translation>Conexões TCP em TIME_WAIT na porta %1: %2 do lado do servidor, %3 do lado dos clientes</translation>
    </message>
</context>
<context>
    <name>socketlab::ProgramCheck</name>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 bytes)</translation>
    </message>
    <message>
        <source>its folder is full</source>
        <translation>sua pasta está cheia</translation>
    </message>
</context>
<context>
    <name>socketlab::ProgramDialog</name>
    <message>
        <source>Run a program</source>
        <translation>Executar um programa</translation>
    </message>
    <message>
        <source>One of the recipe&apos;s programs, bundled with SocketLab (Python 3)</source>
        <translation>Um dos programas da receita, que vêm com o SocketLab (Python 3)</translation>
    </message>
    <message>
        <source>A command line</source>
        <translation>Uma linha de comando</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Abrir arquivo</translation>
    </message>
    <message>
        <source>Opens the program in the system&apos;s editor</source>
        <translation>Abre o programa no editor do sistema</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir pasta</translation>
    </message>
    <message>
        <source>Copy to a folder...</source>
        <translation>Copiar para uma pasta...</translation>
    </message>
    <message>
        <source>Copies the program to a folder of yours, to edit it and run it again</source>
        <translation>Copia o programa para uma pasta sua, para editá-lo e executá-lo de novo</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Comando:</translation>
    </message>
    <message>
        <source>python3 server.py   or   ./server 5000</source>
        <translation>python3 servidor.py   ou   ./servidor 5000</translation>
    </message>
    <message>
        <source>Working folder:</source>
        <translation>Pasta de trabalho:</translation>
    </message>
    <message>
        <source>SocketLab&apos;s own</source>
        <translation>a do próprio SocketLab</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Procurar...</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Executar</translation>
    </message>
    <message>
        <source>The bundled programs are missing from this installation.</source>
        <translation>Os programas da receita não estão nesta instalação.</translation>
    </message>
    <message>
        <source>The program runs under SocketLab&apos;s tracer: its socket calls join the log, the call trace and the processes view. The recipe&apos;s servers listen on port 5000; connect the client panes to it.</source>
        <translation>O programa roda sob o rastreador do SocketLab: as suas chamadas de socket entram no registro, no rastro de chamadas e na visão de processos. Os servidores da receita escutam na porta 5000; conecte a ela os painéis de cliente.</translation>
    </message>
    <message>
        <source>%1 already exists and cannot be replaced.</source>
        <translation>%1 já existe e não pode ser substituído.</translation>
    </message>
    <message>
        <source>Cannot copy the program to %1.</source>
        <translation>Não foi possível copiar o programa para %1.</translation>
    </message>
    <message>
        <source>Copy the program to</source>
        <translation>Copiar o programa para</translation>
    </message>
    <message>
        <source>Working folder</source>
        <translation>Pasta de trabalho</translation>
    </message>
</context>
<context>
    <name>socketlab::ProgramDock</name>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>&amp;Run a program...</source>
        <translation>E&amp;xecutar um programa...</translation>
    </message>
    <message>
        <source>Run a program</source>
        <translation>Executar um programa</translation>
    </message>
    <message>
        <source>Runs a program (the recipe&apos;s, or your own) and traces its socket calls (Ctrl+R)</source>
        <translation>Executa um programa (da receita, ou o seu) e rastreia as suas chamadas de socket (Ctrl+R)</translation>
    </message>
</context>
<context>
    <name>socketlab::ProgramPane</name>
    <message>
        <source>Run a program...</source>
        <translation>Executar um programa...</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Ends the program and every process it made (SIGTERM, then SIGKILL)</source>
        <translation>Encerra o programa e todos os processos que ele criou (SIGTERM, depois SIGKILL)</translation>
    </message>
    <message>
        <source>Pause before each socket call</source>
        <translation>Pausar antes de cada chamada</translation>
    </message>
    <message>
        <source>Next (Space)</source>
        <translation>Próxima (Espaço)</translation>
    </message>
    <message>
        <source>Lets the waiting thread make its call; it pauses again at the next one</source>
        <translation>Deixa a thread que espera fazer a sua chamada; ela pausa de novo na próxima</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Lets every waiting thread go on and stops pausing</source>
        <translation>Deixa todas as threads que esperam seguirem e para de pausar</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Saída</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>Listagem</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Processos</translation>
    </message>
    <message>
        <source>Input:</source>
        <translation>Entrada:</translation>
    </message>
    <message>
        <source>A line for the program&apos;s standard input (Enter sends it)</source>
        <translation>Uma linha para a entrada padrão do programa (Enter a envia)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send Ctrl+X</source>
        <translation>Enviar Ctrl+X</translation>
    </message>
    <message>
        <source>A line with Ctrl+X: the recipe&apos;s clients end on it</source>
        <translation>Uma linha com Ctrl+X: os clientes da receita terminam com ela</translation>
    </message>
    <message>
        <source>Close input</source>
        <translation>Fechar entrada</translation>
    </message>
    <message>
        <source>Ends the program&apos;s standard input (EOF)</source>
        <translation>Encerra a entrada padrão do programa (EOF)</translation>
    </message>
    <message>
        <source>%1 could not be started.</source>
        <translation>Não foi possível iniciar %1.</translation>
    </message>
    <message>
        <source>The program ended with status %1.</source>
        <translation>O programa terminou com status %1.</translation>
    </message>
    <message>
        <source>No listing: the line of each call shows for Python programs (the recipe&apos;s, or a .py file on the command line).</source>
        <translation>Sem listagem: a linha de cada chamada aparece para programas em Python (os da receita, ou um arquivo .py na linha de comando).</translation>
    </message>
    <message>
        <source>Thread %1</source>
        <translation>Thread %1</translation>
    </message>
    <message>
        <source>Process %1</source>
        <translation>Processo %1</translation>
    </message>
    <message>
        <source>%1 is about to call %2().</source>
        <translation>%1 vai chamar %2().</translation>
    </message>
    <message>
        <source>%1 is about to call %2() — step %3 of the server&apos;s recipe.</source>
        <translation>%1 vai chamar %2() — passo %3 da receita do servidor.</translation>
    </message>
    <message>
        <source>%1 is about to call %2() — step %3 of the client&apos;s recipe.</source>
        <translation>%1 vai chamar %2() — passo %3 da receita do cliente.</translation>
    </message>
    <message>
        <source>%1 (%2 threads wait)</source>
        <translation>%1 (%2 threads esperam)</translation>
    </message>
    <message>
        <source>Running: %1 (pid %2)</source>
        <translation>Executando: %1 (pid %2)</translation>
    </message>
    <message>
        <source>%1 — pauses before each socket call</source>
        <translation>%1 — pausa antes de cada chamada de socket</translation>
    </message>
    <message>
        <source>%1 ended with status %2.</source>
        <translation>%1 terminou com status %2.</translation>
    </message>
    <message>
        <source>No program runs. Run one of the recipe&apos;s programs, or your own, to see its socket calls here and in the log.</source>
        <translation>Nenhum programa em execução. Execute um dos programas da receita, ou o seu, para ver as suas chamadas de socket aqui e no registro.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 is about to call %2() — its role shows later (listen: a server; connect or a send first: a client).</source>
        <translation>%1 vai chamar %2() — o papel dele aparece depois (listen: um servidor; connect ou um envio primeiro: um cliente).</translation>
    </message>
</context>
<context>
    <name>socketlab::ProgramProcesses</name>
    <message>
        <source>Process or thread</source>
        <translation>Processo ou thread</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last socket call</source>
        <translation>Última chamada de socket</translation>
    </message>
    <message>
        <source>Thread %1</source>
        <translation>Thread %1</translation>
    </message>
    <message>
        <source>Server process %1</source>
        <translation>Processo servidor %1</translation>
    </message>
    <message>
        <source>Process %1</source>
        <translation>Processo %1</translation>
    </message>
    <message>
        <source>Child process %1</source>
        <translation>Processo filho %1</translation>
    </message>
    <message>
        <source>running</source>
        <translation>executando</translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation>morto pelo sinal %1</translation>
    </message>
    <message>
        <source>exited (%1)</source>
        <translation>terminou (%1)</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <source>zombie: its parent has not called waitpid()</source>
        <translation>zumbi: o pai não chamou waitpid()</translation>
    </message>
    <message>
        <source>reaped by its parent</source>
        <translation>recolhido pelo pai</translation>
    </message>
    <message>
        <source>%1()</source>
        <translation>%1()</translation>
    </message>
    <message>
        <source>Running: %1 processes, %2 threads. Zombies: %3.</source>
        <translation>Em execução: %1 processos, %2 threads. Zumbis: %3.</translation>
    </message>
</context>
<context>
    <name>socketlab::QueuePlot</name>
    <message>
        <source>Server&apos;s Recv-Q (bytes received, not read yet)</source>
        <translation>Recv-Q do servidor (bytes recebidos, ainda não lidos)</translation>
    </message>
    <message>
        <source>Client %1&apos;s Send-Q (bytes not delivered yet)</source>
        <translation>Send-Q do cliente %1 (bytes ainda não entregues)</translation>
    </message>
    <message>
        <source>%1 — now %2, peak %3</source>
        <translation>%1 — agora %2, pico %3</translation>
    </message>
    <message>
        <source>now %1, peak %2</source>
        <translation>agora %1, pico %2</translation>
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
    <message>
        <source>Is anyone there?</source>
        <translation>Tem alguém aí?</translation>
    </message>
    <message>
        <source>Client 4 says hi</source>
        <translation>O cliente 4 diz oi</translation>
    </message>
</context>
<context>
    <name>socketlab::SequenceDiagramWidget</name>
    <message>
        <source>Sequence diagram</source>
        <translation>Diagrama de sequência</translation>
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
        <source>accept queue %1 of %2</source>
        <translation>fila de aceitação %1 de %2</translation>
    </message>
    <message>
        <source>Clients whose handshake the kernel completed and that wait for accept(), against the listen() backlog. Linux accepts backlog + 1: with a backlog of %1, %2 clients can wait; the next one&apos;s SYN is ignored and retried.</source>
        <translation>Clientes cujo handshake o kernel completou e que esperam o accept(), comparados ao backlog do listen(). O Linux aceita backlog + 1: com um backlog de %1, %2 clientes podem esperar; o SYN do seguinte é ignorado e reenviado.</translation>
    </message>
    <message>
        <source>Show large…</source>
        <translation>Mostrar grande…</translation>
    </message>
    <message>
        <source>The nc command for each of this computer&apos;s addresses, large enough to read from the back of the room, with Copy buttons</source>
        <translation>O comando nc para cada endereço deste computador, grande o bastante para ler do fundo da sala, com botões Copiar</translation>
    </message>
    <message>
        <source>Senders: %1    Datagrams: %2    Bytes: %3    Dropped by the kernel: %4</source>
        <translation>Remetentes: %1    Datagramas: %2    Bytes: %3    Descartados pelo kernel: %4</translation>
    </message>
    <message>
        <source>Dropped by the kernel: datagrams that arrived while the socket&apos;s receive buffer was full. UDP never retransmits and the sender is not told: they are simply gone.</source>
        <translation>Descartados pelo kernel: datagramas que chegaram enquanto o buffer de recepção do socket estava cheio. O UDP nunca retransmite e o remetente não é avisado: eles simplesmente somem.</translation>
    </message>
    <message>
        <source>Showing %1 of %2 rows (Save log writes the rows shown)</source>
        <translation>Mostrando %1 de %2 linhas (Salvar registro grava as linhas mostradas)</translation>
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
        <translation>Aber&amp;to para:</translation>
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
    <message>
        <source>&amp;Backlog:</source>
        <translation>&amp;Backlog:</translation>
    </message>
    <message>
        <source>Not for UDP: there is no listen() and no connections to queue.</source>
        <translation>Não se aplica ao UDP: não há listen() nem conexões para enfileirar.</translation>
    </message>
    <message>
        <source>listen()&apos;s backlog: how many connections the system completes and keeps waiting for accept(). The recipe uses 1; a class connecting at once may need more.</source>
        <translation>O backlog do listen(): quantas conexões o sistema completa e mantém esperando o accept(). A receita usa 1; uma turma conectando ao mesmo tempo pode precisar de mais.</translation>
    </message>
</context>
<context>
    <name>socketlab::Tracer</name>
    <message>
        <source>The program made more than %1 processes at once; SocketLab stopped it (a fork without bound?).</source>
        <translation>O programa criou mais de %1 processos ao mesmo tempo; o SocketLab o encerrou (um fork sem limite?).</translation>
    </message>
    <message>
        <source>%1: program not found.</source>
        <translation>%1: programa não encontrado.</translation>
    </message>
    <message>
        <source>%1: cannot be run: it is not an executable file (chmod +x, or run it with its interpreter: python3 %1).</source>
        <translation>%1: não pode ser executado: não é um arquivo executável (chmod +x, ou rode com o seu interpretador: python3 %1).</translation>
    </message>
    <message>
        <source>Cannot run %1: %2</source>
        <translation>Não foi possível executar %1: %2</translation>
    </message>
    <message>
        <source>%1: cannot be run: %2</source>
        <translation>%1: não pode ser executado: %2</translation>
    </message>
    <message>
        <source>SocketLab may not trace programs here: the kernel refused its seccomp filter (%1). Tracing needs a kernel built with CONFIG_SECCOMP_FILTER; in a container, run it with a seccomp profile that allows seccomp (docker run --security-opt seccomp=unconfined).</source>
        <translation>O SocketLab não pode rastrear programas aqui: o kernel recusou o seu filtro seccomp (%1). Rastrear precisa de um kernel com CONFIG_SECCOMP_FILTER; num contêiner, rode-o com um perfil seccomp que permita seccomp (docker run --security-opt seccomp=unconfined).</translation>
    </message>
    <message>
        <source>SocketLab may not trace programs here: ptrace was refused (%1). The setting kernel.yama.ptrace_scope is %2; tracing your own programs needs 0 or 1 (sudo sysctl kernel.yama.ptrace_scope=1). In a container, allow ptrace (docker run --cap-add=SYS_PTRACE).</source>
        <translation>O SocketLab não pode rastrear programas aqui: o ptrace foi recusado (%1). A configuração kernel.yama.ptrace_scope vale %2; rastrear os seus próprios programas precisa de 0 ou 1 (sudo sysctl kernel.yama.ptrace_scope=1). Num contêiner, permita o ptrace (docker run --cap-add=SYS_PTRACE).</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>não definida</translation>
    </message>
</context>
<context>
    <name>socketlab::ViewControls</name>
    <message>
        <source>Language of the window</source>
        <translation>Idioma da janela</translation>
    </message>
</context>
<context>
    <name>socketlab::WireDock</name>
    <message>
        <source>Capturing the packets of port %1.</source>
        <translation>Capturando os pacotes da porta %1.</translation>
    </message>
    <message>
        <source>Capture is off.</source>
        <translation>A captura está desligada.</translation>
    </message>
    <message>
        <source>Export packets</source>
        <translation>Exportar pacotes</translation>
    </message>
    <message>
        <source>pcapng files (*.pcapng)</source>
        <translation>arquivos pcapng (*.pcapng)</translation>
    </message>
    <message>
        <source>Wire</source>
        <translation>Pacotes</translation>
    </message>
    <message>
        <source>Capture packets</source>
        <translation>Capturar pacotes</translation>
    </message>
    <message>
        <source>Export packets...</source>
        <translation>Exportar pacotes...</translation>
    </message>
    <message>
        <source>Export &amp;packets...</source>
        <translation>Exportar &amp;pacotes...</translation>
    </message>
    <message>
        <source>Saves the captured packets as a pcapng file that Wireshark opens, each with the call that sent it</source>
        <translation>Salva os pacotes capturados num arquivo pcapng que o Wireshark abre, cada um com a chamada que o enviou</translation>
    </message>
    <message>
        <source>Capturing the packets of ports %1.</source>
        <translation>Capturando os pacotes das portas %1.</translation>
    </message>
    <message>
        <source>Packets are captured once the server starts or a client connects.</source>
        <translation>Os pacotes são capturados assim que o servidor inicia ou um cliente se conecta.</translation>
    </message>
    <message>
        <source>Also in the log</source>
        <translation>Também no registro</translation>
    </message>
    <message>
        <source>Adds the packets to the server log too, from now on (hidden again when unchecked)</source>
        <translation>Acrescenta os pacotes também ao registro do servidor, daqui em diante (ocultos de novo ao desmarcar)</translation>
    </message>
</context>
</TS>
