#include "ui/callsequencewidget.h"

#include "core/eventformatter.h"
#include "ui/autoscroller.h"
#include "ui/calllanesmodel.h"
#include "ui/calltracemodel.h"
#include "ui/packetarrowdelegate.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace socketlab {

namespace {
const QColor kCurrent(0xFF, 0xD8, 0x4D);

QListWidget *makeStepList(int steps, QWidget *parent)
{
    auto *list = new QListWidget(parent);
    for (int i = 0; i < steps; ++i)
        list->addItem(QString());
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->setFocusPolicy(Qt::NoFocus);
    list->setWordWrap(true);
    list->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    return list;
}
} // namespace

CallSequenceWidget::CallSequenceWidget(QWidget *parent)
    : QWidget(parent),
      m_clientTitle(new QLabel(this)),
      m_serverTitle(new QLabel(this)),
      m_traceTitle(new QLabel(this)),
      m_clientList(makeStepList(kClientSteps, this)),
      m_serverList(makeStepList(kServerSteps, this)),
      m_traceTabs(new QTabWidget(this)),
      m_traceView(new QTableView(this)),
      m_trace(new CallTraceModel(this)),
      m_lanesView(new QTableView(this)),
      m_lanes(new CallLanesModel(m_trace, this))
{
    setObjectName(QStringLiteral("callSequence"));
    m_clientList->setObjectName(QStringLiteral("clientSteps"));
    m_serverList->setObjectName(QStringLiteral("serverSteps"));
    m_traceView->setObjectName(QStringLiteral("callTrace"));
    m_lanesView->setObjectName(QStringLiteral("callLanes"));
    m_traceTabs->setObjectName(QStringLiteral("callTraceTabs"));

    m_traceView->setModel(m_trace);
    m_traceView->verticalHeader()->hide();
    m_traceView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_traceView->horizontalHeader()->setStretchLastSection(true);
    m_traceView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_traceView->setWordWrap(false);
    // Cut in the middle when it must be: the result at the end ("-> 13 bytes") is what the
    // class watches for (the whole call is in the tooltip).
    m_traceView->setTextElideMode(Qt::ElideMiddle);
    m_scroller = new AutoScroller(m_traceView);

    m_lanesView->setModel(m_lanes);
    m_lanesView->setItemDelegate(new PacketArrowDelegate(m_lanes, m_lanesView));
    m_lanesView->verticalHeader()->hide();
    m_lanesView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_lanesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lanesView->setWordWrap(false);
    m_lanesView->setShowGrid(false);
    m_lanesView->setTextElideMode(Qt::ElideMiddle);
    m_lanesScroller = new AutoScroller(m_lanesView);
    // After a reset the time column is new again.
    connect(m_lanes, &QAbstractItemModel::modelReset, this, [this] {
        m_lanesView->setColumnWidth(CallLanesModel::kTimeColumn,
                                    fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000"))
                                        + 10);
    });
    m_traceTabs->addTab(m_traceView, QString());
    m_traceTabs->addTab(m_lanesView, QString());
    m_traceTabs->setDocumentMode(true);

    auto *clientBox = new QVBoxLayout;
    clientBox->addWidget(m_clientTitle);
    clientBox->addWidget(m_clientList);
    auto *serverBox = new QVBoxLayout;
    serverBox->addWidget(m_serverTitle);
    serverBox->addWidget(m_serverList);
    auto *traceBox = new QVBoxLayout;
    traceBox->addWidget(m_traceTitle);
    traceBox->addWidget(m_traceTabs);
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(4, 4, 4, 4);
    // The step lists wrap; the trace's lines do not, so it gets the room.
    m_layout->addLayout(clientBox, 2);
    m_layout->addLayout(serverBox, 2);
    m_layout->addLayout(traceBox, 7);
    // The lanes need the width: the step lists make way while they show (the lanes' calls
    // carry their step numbers).
    connect(m_traceTabs, &QTabWidget::currentChanged, this, [this](int index) {
        for (QWidget *widget :
             {static_cast<QWidget *>(m_clientTitle), static_cast<QWidget *>(m_clientList),
              static_cast<QWidget *>(m_serverTitle), static_cast<QWidget *>(m_serverList)})
            widget->setVisible(index == 0);
        m_layout->setStretch(0, index == 0 ? 2 : 0);
        m_layout->setStretch(1, index == 0 ? 2 : 0);
    });

    retranslateUi();
    updateApplicability();
    updateFonts();
}

void CallSequenceWidget::updateFonts()
{
    QFont bold = font();
    bold.setBold(true);
    for (QLabel *title : {m_clientTitle, m_serverTitle, m_traceTitle}) {
        title->setFont(bold);
        // "Passos do cliente (cliente 1)" wraps rather than widen the window past 1024.
        title->setWordWrap(true);
    }
    const QFontMetrics metrics = fontMetrics();
    // A step reads in lines of a few words, never a word a line (their titles wrap).
    for (QListWidget *list : {m_clientList, m_serverList})
        list->setMinimumWidth(metrics.horizontalAdvance(QStringLiteral("3. Create the socket:"))
                              + 24);
    m_traceView->verticalHeader()->setDefaultSectionSize(metrics.height() + 8);
    m_lanesView->verticalHeader()->setDefaultSectionSize(metrics.height() + 8);
    const int timeWidth = metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + 10;
    // The widest "who" a row or lane title has: "Program child 4250, server", translated.
    SocketEvent widest;
    widest.traced = true;
    widest.handler = HandlerKind::Process;
    widest.pid = 99999;
    const int whoWidth = metrics.horizontalAdvance(CallTraceModel::whoText(widest)) + 16;
    m_traceView->setColumnWidth(CallTraceModel::TimeColumn, timeWidth);
    m_traceView->setColumnWidth(CallTraceModel::WhoColumn, whoWidth);
    // Lane titles take two lines ("Program child 4250" over "server").
    const int laneWidth
        = metrics.horizontalAdvance(CallLanesModel::tr("Program %1\n%2")
                                        .arg(EventFormatter::shortHandlerText(widest), QString())
                                        .section(QLatin1Char('\n'), 0, 0))
        + 16;
    // A lane holds "accept(fd 3) -> fd 4 from 127.0.0.1:53422" cut in the middle; its title
    // in full. The default first: it would resize the time column too.
    m_lanesView->horizontalHeader()->setDefaultSectionSize(laneWidth);
    for (int column = CallLanesModel::kTimeColumn + 1; column < m_lanes->columnCount(); ++column)
        m_lanesView->setColumnWidth(column, laneWidth);
    m_lanesView->setColumnWidth(CallLanesModel::kTimeColumn, timeWidth);
}

void CallSequenceWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        updateFonts(); // the widest lane title is another language's
    } else if (event->type() == QEvent::FontChange)
        updateFonts();
    QWidget::changeEvent(event);
}

void CallSequenceWidget::retranslateUi()
{
    m_clientTitle->setText(m_lastClient ? tr("Client steps (client %1)").arg(m_lastClient)
                                        : tr("Client steps"));
    m_serverTitle->setText(tr("Server steps"));
    m_traceTitle->setText(tr("Live call trace"));
    m_traceTabs->setTabText(0, tr("List"));
    m_traceTabs->setTabText(1, tr("Lanes"));
    m_traceTabs->setTabToolTip(1,
                               tr("A column per participant: each client, the server and "
                                  "each of its threads or children, each process and thread "
                                  "of a program you run; calls in the order they happened."));
    const bool udp = m_protocol == Protocol::Udp;
    const QStringList client = {
        tr("1. Resolve the host name to an IP address: getaddrinfo()"),
        tr("2. Resolve the protocol name to its number: getprotobyname()"),
        tr("3. Create the socket: socket()"),
        udp ? tr("4. Connect: not used by UDP") : tr("4. Connect to the server: connect()"),
        udp ? tr("5. Send and receive datagrams: sendto() / recvfrom()")
            : tr("5. Send and receive while there is data: send() / recv()"),
        tr("6. Close the socket: close()"),
    };
    const QStringList server = {
        tr("1. Resolve the protocol name to its number: getprotobyname()"),
        tr("2. Create the socket: socket()"),
        tr("3. Bind a local address and port: bind()"),
        udp ? tr("4. Listen: not used by UDP") : tr("4. Make the socket passive: listen()"),
        udp ? tr("5. Accept: not used by UDP") : tr("5. Accept a connection: accept()"),
        udp ? tr("6. Receive and answer datagrams: recvfrom() / sendto()")
            : tr("6. Receive and send while there is data: recv() / send()"),
        udp ? tr("7. Close: not used, one socket serves everyone")
            : tr("7. Close the connection: close()"),
        udp ? tr("8. Wait for the next datagram (back to 6)") : tr("8. Go back to step 5"),
    };
    for (int i = 0; i < kClientSteps; ++i)
        m_clientList->item(i)->setText(client.at(i));
    for (int i = 0; i < kServerSteps; ++i)
        m_serverList->item(i)->setText(server.at(i));
}

void CallSequenceWidget::showLanes(bool lanes)
{
    m_traceTabs->setCurrentIndex(lanes ? 1 : 0);
}

void CallSequenceWidget::setProtocol(Protocol protocol)
{
    if (m_protocol == protocol)
        return;
    m_protocol = protocol;
    retranslateUi();
    updateApplicability();
}

void CallSequenceWidget::updateApplicability()
{
    const bool udp = m_protocol == Protocol::Udp;
    const QColor grey = palette().color(QPalette::Disabled, QPalette::Text);
    const QColor normal = palette().color(QPalette::Active, QPalette::Text);
    m_clientList->item(3)->setForeground(udp ? grey : normal);
    for (int step : {4, 5, 7})
        m_serverList->item(step - 1)->setForeground(udp ? grey : normal);
}

void CallSequenceWidget::highlight(QListWidget *list, int step)
{
    for (int i = 0; i < list->count(); ++i) {
        QListWidgetItem *item = list->item(i);
        const bool current = i + 1 == step;
        item->setBackground(current ? QBrush(kCurrent) : QBrush());
        if (current)
            item->setForeground(Qt::black);
        QFont font = item->font();
        font.setBold(current);
        item->setFont(font);
    }
    if (step > 0)
        list->scrollToItem(list->item(step - 1));
    updateApplicability();
}

void CallSequenceWidget::appendEvents(const SocketEvents &events)
{
    int clientStep = m_clientStep;
    int serverStep = m_serverStep;
    quint64 client = m_lastClient;
    for (const SocketEvent &event : events) {
        const bool server = event.role == Role::Server;
        if (event.kind == EventKind::Call && event.step > 0) {
            if (server) {
                serverStep = event.step;
            } else {
                clientStep = event.step;
                client = event.connectionId;
            }
        } else if (server && event.kind == EventKind::Disconnected
                   && event.protocol == Protocol::Tcp) {
            serverStep = 8; // the connection is over: back to accept()
        } else if (server && event.kind == EventKind::Summary) {
            serverStep = 0;
        }
    }
    m_trace->appendEvents(events);
    if (clientStep != m_clientStep) {
        m_clientStep = clientStep;
        highlight(m_clientList, clientStep);
    }
    if (serverStep != m_serverStep) {
        m_serverStep = serverStep;
        highlight(m_serverList, serverStep);
    }
    if (client != m_lastClient) {
        m_lastClient = client;
        retranslateUi();
    }
}

void CallSequenceWidget::clear()
{
    m_trace->clear();
    m_clientStep = 0;
    m_serverStep = 0;
    highlight(m_clientList, 0);
    highlight(m_serverList, 0);
}

} // namespace socketlab
