#include "ui/serverpane.h"

#include "core/endpoint.h"
#include "core/errorexplanation.h"
#include "ui/autoscroller.h"
#include "ui/classmodel.h"
#include "ui/classroombanner.h"
#include "ui/connectionsmodel.h"
#include "ui/logcolumnfitter.h"
#include "ui/logfilterbar.h"
#include "ui/logfiltermodel.h"
#include "ui/models/eventlistmodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostAddress>
#include <QLabel>
#include <QLocale>
#include <QNetworkInterface>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace socketlab {

namespace {
void setUpTable(QTableView *view)
{
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(false);
    view->setAlternatingRowColors(false);
    view->setIconSize(QSize(12, 12));
}
} // namespace

ServerPane::ServerPane(QWidget *parent)
    : QWidget(parent),
      m_log(new EventListModel(this)),
      m_filter(new LogFilterModel(m_log, this)),
      m_class(new ClassModel(this)),
      m_connections(new ConnectionsModel(this)),
      m_statusLabel(new QLabel(this)),
      m_addressesLabel(new QLabel(this)),
      m_bannerButton(new QPushButton(this)),
      m_countersLabel(new QLabel(this)),
      m_acceptQueueLabel(new QLabel(this)),
      m_connectionsTitle(new QLabel(this)),
      m_logTitle(new QLabel(this)),
      m_notesLabel(new QLabel(this)),
      m_filterBar(new LogFilterBar(m_filter, this)),
      m_connectionsView(new QTableView(this)),
      m_logView(new QTableView(this))
{
    setObjectName(QStringLiteral("serverPane"));
    m_statusLabel->setObjectName(QStringLiteral("serverStatus"));
    m_addressesLabel->setObjectName(QStringLiteral("serverAddresses"));
    m_bannerButton->setObjectName(QStringLiteral("showClassroomBanner"));
    m_bannerButton->hide();
    connect(m_bannerButton, &QPushButton::clicked, this, &ServerPane::showClassroomBanner);
    m_countersLabel->setObjectName(QStringLiteral("serverCounters"));
    m_acceptQueueLabel->setObjectName(QStringLiteral("acceptQueue"));
    m_acceptQueueLabel->setTextFormat(Qt::PlainText);
    m_acceptQueueLabel->hide();
    m_notesLabel->setObjectName(QStringLiteral("logNotes"));
    m_logView->setObjectName(QStringLiteral("logView"));
    m_connectionsView->setObjectName(QStringLiteral("connectionsView"));
    for (QLabel *label : {m_statusLabel, m_addressesLabel, m_countersLabel, m_notesLabel}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(label != m_countersLabel);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_statusLabel->setFrameShape(QFrame::StyledPanel);
    m_statusLabel->setMargin(6);
    m_statusLabel->setAutoFillBackground(true);

    m_connectionsView->setModel(m_connections);
    setUpTable(m_connectionsView);
    EventListModel::Filter serverOnly;
    serverOnly.role = int(Role::Server);
    m_log->setFilter(serverOnly);
    // A student's flood is one row per burst, and it cannot push the others' rows out.
    m_log->setMergeBursts(true);
    m_logView->setModel(m_filter);
    setUpTable(m_logView);
    m_logView->setColumnHidden(EventListModel::HexColumn, true);
    m_logView->setColumnHidden(EventListModel::LineColumn, true);
    m_logView->setTextElideMode(Qt::ElideRight);
    m_scroller = new AutoScroller(m_logView);
    // The message first: it gets the width the others leave and wraps, never "…".
    m_logFitter = new LogColumnFitter(m_logView, EventListModel::MessageColumn, true);
    // Two lines at most: forty students' rows must fit; the tooltip holds the rest.
    m_logFitter->setMaxWrappedLines(2);
    m_connectionsFitter
        = new LogColumnFitter(m_connectionsView, ConnectionsModel::ClientColumn, false);
    // The sampler's longest state, so a countdown never reads "TIME_WA…" (a sample, not shown).
    // An address needs a quarter of the width, not the log message's two fifths.
    m_connectionsFitter->setFlexibleShare(0.25);
    m_connectionsFitter->setMinimumText(ConnectionsModel::StateColumn,
                                        QStringLiteral("TIME_WAIT 60 s"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_statusLabel);
    auto *addressesRow = new QHBoxLayout;
    addressesRow->addWidget(m_addressesLabel, 1);
    addressesRow->addWidget(m_bannerButton, 0, Qt::AlignTop);
    layout->addLayout(addressesRow);
    auto *connectionsHeader = new QHBoxLayout;
    connectionsHeader->addWidget(m_connectionsTitle);
    connectionsHeader->addSpacing(16);
    connectionsHeader->addWidget(m_countersLabel, 1);
    connectionsHeader->addWidget(m_acceptQueueLabel);
    layout->addLayout(connectionsHeader);
    layout->addWidget(m_connectionsView, 3);
    auto *logHeader = new QHBoxLayout;
    logHeader->addWidget(m_logTitle);
    logHeader->addSpacing(8);
    logHeader->addWidget(m_filterBar, 1);
    layout->addLayout(logHeader);
    layout->addWidget(m_notesLabel);
    m_notesLabel->hide();
    layout->addWidget(m_logView, 4);

    connect(m_log, &EventListModel::droppedRowsChanged, this, &ServerPane::updateNotes);
    connect(m_connections, &ConnectionsModel::listenerChanged, this,
            &ServerPane::updateAcceptQueue);
    connect(m_scroller, &AutoScroller::followingChanged, this, &ServerPane::updateNotes);
    // "Showing 12 of 300 rows" follows the filters and the rows.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &ServerPane::updateNotes);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ServerPane::updateNotes);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &ServerPane::updateNotes);
    retranslateUi();
    updateFonts();
}

void ServerPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateFonts();
    QWidget::changeEvent(event);
}

void ServerPane::updateFonts()
{
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 1.15);
    big.setBold(true);
    m_statusLabel->setFont(big);
    QFont bold = font();
    bold.setBold(true);
    m_connectionsTitle->setFont(bold);
    m_logTitle->setFont(bold);
    m_addressesLabel->setFont(bold);
    // Room to read, not more: a class of forty needs its rows.
    const int row = fontMetrics().height() + 6;
    m_logView->verticalHeader()->setDefaultSectionSize(row);
    m_connectionsView->verticalHeader()->setDefaultSectionSize(row);
    // The header and a row stay visible however small the window or large the zoom.
    for (QTableView *view : {m_connectionsView, m_logView})
        view->setMinimumHeight(view->horizontalHeader()->sizeHint().height() + row
                               + 2 * view->frameWidth() + 2);
    // Column widths follow the font through the fitters (on their FontChange).
}

int ServerPane::spareHeight(int connectionRows, int logRows) const
{
    // A table's header, frame and scroll bar as they are now, and the rows.
    auto needs = [](const QTableView *view, int rows) {
        return view->height() - view->viewport()->height()
            + rows * view->verticalHeader()->defaultSectionSize();
    };
    // The layout shares the height between the tables by their stretch factors, so the one
    // that needs the larger share decides.
    auto *box = static_cast<QBoxLayout *>(layout());
    const int connectionsShare = qMax(1, box->stretch(box->indexOf(m_connectionsView)));
    const int logShare = qMax(1, box->stretch(box->indexOf(m_logView)));
    const int shares = connectionsShare + logShare;
    const int needed
        = qMax((needs(m_connectionsView, connectionRows) * shares + connectionsShare - 1)
                   / connectionsShare,
               (needs(m_logView, logRows) * shares + logShare - 1) / logShare);
    return m_connectionsView->height() + m_logView->height() - needed;
}

void ServerPane::retranslateUi()
{
    m_logTitle->setText(tr("Server log"));
    m_bannerButton->setText(tr("Show large…"));
    m_bannerButton->setToolTip(tr("The nc command for each of this computer's addresses, large "
                                  "enough to read from the back of the room, with Copy buttons"));
    updateAcceptQueue();
    updateProtocolTexts();
    updateAddresses();
    updateNotes();
    updateStatus();
}

void ServerPane::updateProtocolTexts()
{
    // UDP has no connections: the table lists each sender seen instead.
    m_connectionsTitle->setText(m_udp ? tr("Senders") : tr("Connections"));
    updateBanner(); // nc -u for UDP
    setTotals(m_totals);
}

void ServerPane::updateStatus()
{
    const QString status = statusText();
    if (m_statusLabel->text() == status)
        return;
    m_statusLabel->setText(status);
    QPalette p = m_statusLabel->palette();
    const bool running = m_status.isRunning();
    const QColor stopped
        = m_status.hasFailed() ? QColor(0xFF, 0xE0, 0xE0) : QColor(0xEE, 0xEE, 0xEE);
    p.setColor(QPalette::Window, running ? QColor(0xDD, 0xF4, 0xDD) : stopped);
    p.setColor(QPalette::WindowText, Qt::black);
    m_statusLabel->setPalette(p);
}

QString ServerPane::statusText() const
{
    return m_status.text();
}

void ServerPane::appendEvents(const SocketEvents &events)
{
    for (const SocketEvent &event : events) {
        if (event.kind == EventKind::Listening && (event.protocol == Protocol::Udp) != m_udp) {
            m_udp = event.protocol == Protocol::Udp;
            updateProtocolTexts();
        }
    }
    m_status.apply(events);
    // A class's comings and goings would bury the lab's own events: a student's TCP states
    // show in the connections table (and the stream), not in the log.
    SocketEvents logged;
    logged.reserve(events.size());
    for (const SocketEvent &event : events) {
        if (!(event.kind == EventKind::State && event.isStudent()))
            logged.append(event);
    }
    m_log->appendEvents(logged);
    m_connections->appendEvents(events);
    m_class->appendEvents(events);
    updateStatus();
    if (m_bindAddress.isEmpty())
        updateAddresses(); // a failed Start says why there
}

void ServerPane::appendProgramEvents(const SocketEvents &events)
{
    m_log->appendEvents(events);
    for (const SocketEvent &event : events) {
        if (event.kind == EventKind::Call && event.call == SysCall::Listen && event.result == 0) {
            const Endpoint local = Endpoint::parse(event.local);
            if (local.isValid())
                m_programPort = local.port();
        } else if (event.kind == EventKind::Summary) {
            m_programPort = 0;
        }
    }
    m_connections->appendEvents(events);
}

void ServerPane::setSockets(const QList<SocketSnapshot> &sockets)
{
    // Only while a server of ours runs (a late sample after Stop is out of date), or a traced
    // program's server listens.
    if (!m_bindAddress.isEmpty()) {
        m_connections->applySockets(sockets, m_port);
        m_class->applySockets(sockets, m_port);
    } else if (m_programPort != 0) {
        m_connections->applySockets(sockets, m_programPort);
    }
}

void ServerPane::updateAcceptQueue()
{
    const SocketSnapshot &listener = m_connections->listener();
    if (!listener.isListener()) {
        m_acceptQueueLabel->hide();
        return;
    }
    m_acceptQueueLabel->setText(
        tr("accept queue %1 of %2").arg(listener.recvQ).arg(listener.sendQ));
    m_acceptQueueLabel->setToolTip(
        tr("Clients whose handshake the kernel completed and that wait for accept(), against "
           "the listen() backlog. Linux accepts backlog + 1: with a backlog of %1, %2 clients can "
           "wait; the next one's SYN is ignored and retried.")
            .arg(listener.sendQ)
            .arg(listener.sendQ + 1));
    m_acceptQueueLabel->show();
}

void ServerPane::setTotals(const ServerTotals &totals)
{
    m_totals = totals;
    const QLocale locale;
    if (m_udp) {
        // Where the missing datagrams went: the kernel's own count for the socket (SO_MEMINFO).
        m_countersLabel->setText(
            tr("Senders: %1    Datagrams: %2    Bytes: %3    Dropped by the kernel: %4")
                .arg(locale.toString(totals.connections), locale.toString(totals.messages),
                     locale.toString(totals.bytes), locale.toString(totals.dropped)));
        m_countersLabel->setToolTip(tr(
            "Dropped by the kernel: datagrams that arrived while the socket's receive buffer "
            "was full. UDP never retransmits and the sender is not told: they are simply gone."));
        return;
    }
    m_countersLabel->setText(tr("Connections: %1    Messages: %2    Bytes: %3")
                                 .arg(locale.toString(totals.connections),
                                      locale.toString(totals.messages),
                                      locale.toString(totals.bytes)));
    m_countersLabel->setToolTip(QString());
}

void ServerPane::setEndpoint(const QString &bindAddress, quint16 port)
{
    m_bindAddress = bindAddress;
    m_port = port;
    updateAddresses();
}

void ServerPane::updateAddresses()
{
    updateBanner();
    if (m_bindAddress.isEmpty()) {
        // After a failed Start: the failed call and why, until the next Start.
        m_addressesLabel->setText(m_status.hasFailed() ? m_status.failureDetail()
                                                       : tr("Press Start to open the server."));
        return;
    }
    const QHostAddress bound(m_bindAddress);
    if (bound.isLoopback()) {
        const QString local = bound.protocol() == QAbstractSocket::IPv6Protocol
            ? QStringLiteral("[%1]:%2").arg(m_bindAddress).arg(m_port)
            : QStringLiteral("%1:%2").arg(m_bindAddress).arg(m_port);
        m_addressesLabel->setText(ErrorExplanation::loopbackHint(local));
        return;
    }
    QStringList addresses = classroomAddresses();
    if (addresses.isEmpty()) {
        m_addressesLabel->setText(tr("Open to the network on port %1, but this computer has no "
                                     "network address right now")
                                      .arg(m_port));
        return;
    }
    m_addressesLabel->setText(tr("Students connect to %1, port %2")
                                  .arg(addresses.join(QStringLiteral(", ")))
                                  .arg(m_port));
}

void ServerPane::updateBanner()
{
    const bool open = !m_bindAddress.isEmpty() && !QHostAddress(m_bindAddress).isLoopback();
    m_bannerButton->setVisible(open);
    if (m_banner)
        m_banner->setServer(open ? classroomAddresses() : QStringList(), m_port, m_udp);
}

void ServerPane::showClassroomBanner()
{
    if (!m_banner)
        m_banner = new ClassroomBanner(this);
    updateBanner();
    m_banner->present();
}

QStringList ServerPane::classroomAddresses()
{
    QStringList v4;
    QStringList v6;
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : interfaces) {
        const auto flags = interface.flags();
        if (!(flags & QNetworkInterface::IsUp) || !(flags & QNetworkInterface::IsRunning)
            || (flags & QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &entry : interface.addressEntries()) {
            const QHostAddress ip = entry.ip();
            if (ip.protocol() == QAbstractSocket::IPv4Protocol)
                v4 << ip.toString();
            else if (ip.protocol() == QAbstractSocket::IPv6Protocol && ip.isGlobal()
                     && !ip.isLinkLocal() && !ip.isUniqueLocalUnicast())
                v6 << ip.toString();
        }
    }
    return v4 + v6;
}

void ServerPane::updateNotes()
{
    QStringList notes;
    if (m_log->droppedRows() > 0)
        notes << tr("%1 older rows dropped (the counters stay exact)")
                     .arg(QLocale().toString(m_log->droppedRows()));
    if (m_filter->isFiltering())
        notes << tr("Showing %1 of %2 rows (Save log writes the rows shown)")
                     .arg(QLocale().toString(m_filter->rowCount()),
                          QLocale().toString(m_log->rowCount()));
    if (!m_scroller->isFollowing())
        notes << tr("Auto-scroll paused: scroll to the bottom to resume");
    const QString text = notes.join(QStringLiteral("    "));
    if (text != m_notesLabel->text())
        m_notesLabel->setText(text);
    m_notesLabel->setVisible(!text.isEmpty());
}

void ServerPane::setHexVisible(bool visible)
{
    m_logView->setColumnHidden(EventListModel::HexColumn, !visible);
    m_logFitter->refit();
}

void ServerPane::setCompact(bool compact)
{
    // On a projector the message matters more than the time of day (still in a saved log).
    m_logView->setColumnHidden(EventListModel::TimeColumn, compact);
    // The event column stays: without it a message and its echo differed only by bold.
    m_connectionsView->setColumnHidden(ConnectionsModel::SinceColumn, compact);
    m_logFitter->refit();
    m_connectionsFitter->refit();
}

void ServerPane::clearLog()
{
    m_log->clear();
    m_scroller->follow();
}

} // namespace socketlab
