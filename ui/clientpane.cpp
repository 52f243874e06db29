#include "ui/clientpane.h"

#include "core/errorexplanation.h"
#include "core/eventformatter.h"
#include "core/payloadtext.h"
#include "ui/models/colorpalette.h"
#include "ui/models/eventlistmodel.h"
#include "ui/models/plaintooltip.h"

#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace socketlab {

namespace {
// The server the way people write it: 127.0.0.1:5000, [::1]:5000.
QString serverText(const QString &host, quint16 port)
{
    const QString shown = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    return QStringLiteral("%1:%2").arg(shown, QString::number(port));
}
} // namespace

ClientPane::ClientPane(quint64 id, Client *client, QWidget *parent)
    : QWidget(parent),
      m_id(id),
      m_client(client),
      m_title(new QLabel(this)),
      m_hostLabel(new QLabel(this)),
      m_hostEdit(new QLineEdit(QStringLiteral("127.0.0.1"), this)),
      m_portLabel(new QLabel(this)),
      m_portSpin(new QSpinBox(this)),
      m_connectButton(new QPushButton(this)),
      m_halfCloseButton(new QPushButton(this)),
      m_resetButton(new QPushButton(this)),
      m_noDelayCheck(new QCheckBox(this)),
      m_addressLabel(new QLabel(this)),
      m_historyTitle(new QLabel(this)),
      m_historyModel(new EventListModel(this)),
      m_history(new QListView(this)),
      m_messageEdit(new QLineEdit(this)),
      m_sendButton(new QPushButton(this)),
      m_burstButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("clientPane%1").arg(id));
    m_hostEdit->setObjectName(QStringLiteral("host"));
    m_portSpin->setObjectName(QStringLiteral("port"));
    m_connectButton->setObjectName(QStringLiteral("connect"));
    m_halfCloseButton->setObjectName(QStringLiteral("halfClose"));
    m_resetButton->setObjectName(QStringLiteral("reset"));
    m_noDelayCheck->setObjectName(QStringLiteral("noDelay"));
    m_messageEdit->setObjectName(QStringLiteral("message"));
    m_sendButton->setObjectName(QStringLiteral("send"));
    m_burstButton->setObjectName(QStringLiteral("burst"));
    m_addressLabel->setObjectName(QStringLiteral("localAddress"));
    m_history->setObjectName(QStringLiteral("history"));

    m_portSpin->setRange(1, 65535);
    m_portSpin->setValue(5000);
    m_portSpin->setAccelerated(true);
    // Typed, or stepped with the arrow keys and the wheel: without step buttons the box is as
    // wide as 65535 in its frame, and a quarter of a projector keeps Port and Connect whole
    // (with them Qt 6.8's box took 7 px more than 6.4's, and Connect lost its last letters).
    m_portSpin->setButtonSymbols(QAbstractSpinBox::NoButtons);
    // Never narrower than its widest port: squeezed by the Connect button it cut the last
    // digit off.
    m_portSpin->setSizePolicy(QSizePolicy::Minimum, m_portSpin->sizePolicy().verticalPolicy());
    m_hostLabel->setBuddy(m_hostEdit);
    m_portLabel->setBuddy(m_portSpin);
    for (QLabel *label : {m_title, m_addressLabel})
        label->setTextFormat(Qt::PlainText);
    // A heading over the history, not a control: it may be cut where Burst of 3 may not, so
    // it does not set the pane's least width.
    m_historyTitle->setSizePolicy(QSizePolicy::Ignored,
                                  m_historyTitle->sizePolicy().verticalPolicy());
    m_addressLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_addressLabel->setWordWrap(true);
    // This client's own lines, the newest kMaxHistory (the model says them in data(), so a
    // language switch re-says the old ones too).
    EventListModel::Filter filter;
    filter.clientId = int(id);
    filter.role = int(Role::Client);
    filter.kinds
        = {EventKind::Sent, EventKind::Received, EventKind::Error, EventKind::Disconnected};
    m_historyModel->setFilter(filter);
    m_historyModel->setRowCap(kMaxHistory);
    m_historyModel->setLineFormatter(&ClientPane::historyLine);
    m_history->setModel(m_historyModel);
    m_history->setModelColumn(EventListModel::LineColumn);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setUniformItemSizes(true);
    m_history->setWordWrap(false);
    m_history->setSelectionMode(QAbstractItemView::ExtendedSelection);

    // A bar in the client's colour, the same as its rows in the server log.
    QPalette titlePalette = m_title->palette();
    titlePalette.setColor(QPalette::Window, ColorPalette::strong(id));
    titlePalette.setColor(QPalette::WindowText, Qt::white);
    m_title->setPalette(titlePalette);
    m_title->setAutoFillBackground(true);
    m_title->setMargin(3);

    // Two rows, so a quarter of a 1024 px projector shows the whole host name. While connected
    // they cannot change: they go, and the title names the server instead (a projected pane
    // needs its height for the message line).
    auto *form = new QGridLayout;
    form->addWidget(m_hostLabel, 0, 0);
    form->addWidget(m_hostEdit, 0, 1, 1, 2);
    form->addWidget(m_portLabel, 1, 0);
    form->addWidget(m_portSpin, 1, 1);
    form->addWidget(m_connectButton, 1, 2);
    form->setColumnStretch(2, 1);
    // One row of options whatever the state: No delay before connecting (it applies at the
    // connect), Half-close and Reset while a TCP connection is up.
    auto *optionsRow = new QHBoxLayout;
    optionsRow->addWidget(m_noDelayCheck);
    optionsRow->addWidget(m_halfCloseButton);
    optionsRow->addWidget(m_resetButton);
    // Send beside the message line, Burst with the history it fills: on a projector a pane is
    // a quarter of 1024 px wide and a few rows high.
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_messageEdit, 1);
    sendRow->addWidget(m_sendButton);
    auto *historyRow = new QHBoxLayout;
    historyRow->addWidget(m_historyTitle, 1);
    historyRow->addWidget(m_burstButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 3, 4, 3);
    layout->setSpacing(3);
    // The message line above the history: when the pane is short, the history shrinks.
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addLayout(optionsRow);
    layout->addWidget(m_addressLabel);
    layout->addLayout(sendRow);
    layout->addLayout(historyRow);
    layout->addWidget(m_history, 1);

    connect(m_client, &Client::stateChanged, this, &ClientPane::updateState);
    connect(m_connectButton, &QPushButton::clicked, this, &ClientPane::toggleConnection);
    connect(m_halfCloseButton, &QPushButton::clicked, this, &ClientPane::halfCloseConnection);
    connect(m_resetButton, &QPushButton::clicked, this, &ClientPane::resetConnection);
    connect(m_messageEdit, &QLineEdit::returnPressed, this, &ClientPane::sendLine);
    connect(m_sendButton, &QPushButton::clicked, this, &ClientPane::sendLine);
    connect(m_burstButton, &QPushButton::clicked, this, &ClientPane::sendBurst);

    retranslateUi();
    updateFonts();
}

void ClientPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::FontChange)
        updateFonts();
    QWidget::changeEvent(event);
}

void ClientPane::updateFonts()
{
    QFont bold = font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_historyTitle->setFont(bold);
}

void ClientPane::retranslateUi()
{
    m_hostLabel->setText(tr("&Host:"));
    m_portLabel->setText(tr("P&ort:"));
    m_historyTitle->setText(tr("Sent and received"));
    m_messageEdit->setPlaceholderText(tr("Message"));
    m_messageEdit->setToolTip(tr("Type a message; Enter or Send sends it"));
    m_sendButton->setText(tr("Send"));
    m_halfCloseButton->setText(tr("Half-close"));
    m_halfCloseButton->setToolTip(
        tr("shutdown(SHUT_WR): sends a FIN that says \"I am done sending\" "
           "but keeps reading. The server's recv() returns 0, it may still "
           "answer, and the connection ends when the server closes."));
    m_resetButton->setText(tr("Reset"));
    m_resetButton->setToolTip(tr("SO_LINGER {1, 0} then close(): sends an RST instead of a FIN, "
                                 "dropping anything not yet sent. The server's recv() fails with "
                                 "\"Connection reset by peer\"; no side waits in TIME_WAIT."));
    m_noDelayCheck->setText(tr("No delay"));
    m_burstButton->setText(tr("Burst of 3"));
    m_burstButton->setToolTip(tr("Sends three messages back to back: TCP is a byte stream and "
                                 "may deliver them in one recv(); UDP keeps each datagram apart."));
    updateState();
}

void ClientPane::updateState()
{
    const Client::State state = m_client->state();
    const bool udp = m_protocol == Protocol::Udp;
    switch (state) {
    case Client::State::Unconnected:
        m_connectButton->setText(udp ? tr("Open UDP socket") : tr("Connect"));
        break;
    case Client::State::Connecting:
        m_connectButton->setText(tr("Cancel"));
        break;
    case Client::State::Connected:
        m_connectButton->setText(udp ? tr("Close socket") : tr("Disconnect"));
        break;
    }
    const bool idle = state == Client::State::Unconnected;
    const bool tcpUp = !udp && state == Client::State::Connected;
    m_hostEdit->setEnabled(idle);
    m_portSpin->setEnabled(idle);
    if (idle) {
        m_localAddress.clear();
        m_halfClosed = false;
    }
    // The server's address is fixed while a socket is open: the title says it, the form goes.
    for (QWidget *form :
         std::initializer_list<QWidget *> {m_hostLabel, m_hostEdit, m_portLabel, m_portSpin})
        form->setVisible(idle);
    m_title->setText(tr("Client %1").arg(m_id));
    m_noDelayCheck->setVisible(idle);
    m_halfCloseButton->setVisible(tcpUp);
    m_resetButton->setVisible(tcpUp);
    m_halfCloseButton->setEnabled(tcpUp && !m_halfClosed);
    m_resetButton->setEnabled(tcpUp);
    for (QWidget *sending :
         std::initializer_list<QWidget *> {m_messageEdit, m_sendButton, m_burstButton})
        sending->setEnabled(!m_halfClosed);
    m_noDelayCheck->setEnabled(!udp);
    m_noDelayCheck->setToolTip(udp ? tr("TCP only: a datagram leaves at once anyway.")
                                   : tr("TCP_NODELAY: turns off Nagle's algorithm, so a small send "
                                        "leaves at once instead of waiting for the previous one's "
                                        "ACK. Applies at the next connect."));
    const QString note
        = ErrorExplanation::wildcardSourceNote(m_localAddress, m_sourceAddress, true);
    const bool failed = m_lastError.kind == EventKind::Error && idle;
    // The history's red line names the failed call; here, in the pane's few lines, why in
    // one sentence; all of it in the tooltip.
    const QString whole = failed
        ? EventFormatter::explained(m_lastError)
        : ErrorExplanation::wildcardSourceNote(m_localAddress, m_sourceAddress);
    m_addressLabel->setToolTip(PlainToolTip::from(PlainToolTip::wrapped(whole)));
    if (failed)
        m_addressLabel->setText(ErrorExplanation::headline(m_lastError));
    else if (m_localAddress.isEmpty())
        m_addressLabel->setText(idle ? tr("Not connected") : tr("My address: not known yet"));
    else if (!note.isEmpty())
        m_addressLabel->setText(tr("My address: %1 %2").arg(m_localAddress, note));
    else // One line in a quarter of a projector; the tooltip says whose address it is.
        m_addressLabel->setText(tr("Local: %1").arg(m_localAddress));
    // Host and Port are hidden while a socket is open: the server they named, in the tooltip.
    if (!idle && !failed)
        m_addressLabel->setToolTip(PlainToolTip::from(PlainToolTip::wrapped(
            tr("My address: %1\nServer: %2")
                .arg(m_localAddress.isEmpty() ? tr("not known yet") : m_localAddress,
                     serverText(host(), port()))
            + (whole.isEmpty() ? QString() : QLatin1Char('\n') + whole))));
    // "Not connected" says what the Connect button says already: the line is kept for news.
    m_addressLabel->setVisible(failed || !idle);
}

QString ClientPane::host() const
{
    return m_hostEdit->text().trimmed();
}

quint16 ClientPane::port() const
{
    return quint16(m_portSpin->value());
}

void ClientPane::setHost(const QString &host)
{
    m_hostEdit->setText(host);
}

void ClientPane::setPort(quint16 port)
{
    m_portSpin->setValue(port);
}

void ClientPane::setProtocol(Protocol protocol)
{
    if (m_protocol == protocol)
        return;
    // A socket of the other kind is no use any more.
    if (m_client->state() != Client::State::Unconnected)
        m_client->disconnectFromHost();
    m_protocol = protocol;
    updateState();
}

void ClientPane::toggleConnection()
{
    if (m_client->state() == Client::State::Unconnected)
        connectToServer();
    else if (m_client->state() == Client::State::Connecting)
        m_client->abort();
    else
        disconnectFromServer();
}

void ClientPane::connectToServer()
{
    m_lastError = SocketEvent();
    m_localAddress.clear();
    m_sourceAddress.clear();
    ClientOptions options = m_client->options();
    options.noDelay = m_noDelayCheck->isChecked();
    m_client->setOptions(options);
    m_client->connectToHost(m_protocol, host(), port());
    updateState();
}

void ClientPane::disconnectFromServer()
{
    m_client->disconnectFromHost();
}

void ClientPane::halfCloseConnection()
{
    if (m_protocol != Protocol::Tcp || m_client->state() != Client::State::Connected)
        return;
    m_halfClosed = true;
    m_client->halfClose();
    updateState();
}

void ClientPane::resetConnection()
{
    if (m_protocol != Protocol::Tcp || m_client->state() != Client::State::Connected)
        return;
    m_client->resetConnection();
}

void ClientPane::sendMessage(const QString &text)
{
    if (m_client->state() == Client::State::Unconnected)
        connectToServer();
    m_client->send(text.toUtf8());
}

void ClientPane::sendLine()
{
    const QString text = m_messageEdit->text();
    if (text.isEmpty())
        return;
    sendMessage(text);
    m_messageEdit->clear();
}

void ClientPane::sendBurst()
{
    QString base = m_messageEdit->text();
    if (base.isEmpty())
        base = tr("hello");
    for (int i = 1; i <= 3; ++i)
        sendMessage(tr("%1 #%2").arg(base, QString::number(i))); // one pass: a typed %1 stays
    m_messageEdit->clear();
}

int ClientPane::historyCount() const
{
    return m_historyModel->rowCount();
}

QString ClientPane::historyText(int row) const
{
    return m_historyModel->cellText(row, EventListModel::LineColumn);
}

QString ClientPane::historyLine(const SocketEvent &event)
{
    switch (event.kind) {
    case EventKind::Sent:
        return tr("→ %1").arg(EventFormatter::payloadText(event));
    case EventKind::Received:
        if (event.truncated) {
            return tr("← %1 [%2]")
                .arg(EventFormatter::payloadText(event), EventFormatter::truncationText(event));
        }
        return tr("← %1").arg(EventFormatter::payloadText(event));
    default:
        break;
    }
    // Reset while waiting in the backlog: why comes first, not a bare "reset by peer".
    if (event.kind == EventKind::Error && event.resetInBacklog)
        return ErrorExplanation::explain(event);
    return EventFormatter::describe(event);
}

void ClientPane::appendEvents(const SocketEvents &events)
{
    for (const SocketEvent &event : events) {
        if ((event.kind == EventKind::Connected || event.kind == EventKind::Sent)
            && !event.local.isEmpty() && event.local != m_localAddress) {
            m_localAddress = event.local;
            // Asked once per address (a throwaway socket's connect(), nothing sent).
            m_sourceAddress = m_protocol == Protocol::Udp
                ? ErrorExplanation::sourceTowards(event.peer, event.local)
                : QString();
        } else if (event.kind == EventKind::Error) {
            m_lastError = event;
        }
    }
    const int before = m_historyModel->rowCount();
    const qint64 droppedBefore = m_historyModel->droppedRows();
    m_historyModel->appendEvents(events);
    if (m_historyModel->rowCount() != before || m_historyModel->droppedRows() != droppedBefore)
        m_history->scrollToBottom();
    updateState();
}

} // namespace socketlab
