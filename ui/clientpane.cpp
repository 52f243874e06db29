#include "ui/clientpane.h"

#include "ui/colorpalette.h"
#include "ui/eventlistmodel.h"
#include "core/eventformatter.h"
#include "core/payloadtext.h"

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
    m_messageEdit->setObjectName(QStringLiteral("message"));
    m_sendButton->setObjectName(QStringLiteral("send"));
    m_burstButton->setObjectName(QStringLiteral("burst"));
    m_addressLabel->setObjectName(QStringLiteral("localAddress"));
    m_history->setObjectName(QStringLiteral("history"));

    m_portSpin->setRange(1, 65535);
    m_portSpin->setValue(5000);
    m_portSpin->setAccelerated(true);
    m_hostLabel->setBuddy(m_hostEdit);
    m_portLabel->setBuddy(m_portSpin);
    for (QLabel *label : {m_title, m_addressLabel})
        label->setTextFormat(Qt::PlainText);
    m_addressLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_addressLabel->setWordWrap(true);
    // This client's own lines, the newest kMaxHistory (the model says them in data(), so a
    // language switch re-says the old ones too).
    EventListModel::Filter filter;
    filter.clientId = int(id);
    filter.role = int(Role::Client);
    filter.kinds = {EventKind::Sent, EventKind::Received, EventKind::Error, EventKind::Disconnected};
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
    m_title->setMargin(4);

    // Two rows, so a quarter of a 1024 px projector shows the whole host name.
    auto *form = new QGridLayout;
    form->addWidget(m_hostLabel, 0, 0);
    form->addWidget(m_hostEdit, 0, 1, 1, 2);
    form->addWidget(m_portLabel, 1, 0);
    form->addWidget(m_portSpin, 1, 1);
    form->addWidget(m_connectButton, 1, 2);
    form->setColumnStretch(2, 1);
    // The buttons under the message line: a pane is a quarter of a 1024 px projector.
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_sendButton);
    sendRow->addWidget(m_burstButton, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    // The message line above the history: when the pane is short, the history shrinks.
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(m_addressLabel);
    layout->addWidget(m_messageEdit);
    layout->addLayout(sendRow);
    layout->addWidget(m_historyTitle);
    layout->addWidget(m_history, 1);

    connect(m_client, &Client::stateChanged, this, &ClientPane::updateState);
    connect(m_connectButton, &QPushButton::clicked, this, &ClientPane::toggleConnection);
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
    m_addressLabel->setFont(bold);
    m_historyTitle->setFont(bold);
}

void ClientPane::retranslateUi()
{
    m_title->setText(tr("Client %1").arg(m_id));
    m_hostLabel->setText(tr("&Host:"));
    m_portLabel->setText(tr("P&ort:"));
    m_historyTitle->setText(tr("Sent and received"));
    m_messageEdit->setPlaceholderText(tr("Message (Enter sends)"));
    m_sendButton->setText(tr("Send"));
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
    m_hostEdit->setEnabled(idle);
    m_portSpin->setEnabled(idle);
    if (idle)
        m_localAddress.clear();
    if (!m_lastError.isEmpty() && idle)
        m_addressLabel->setText(m_lastError);
    else if (m_localAddress.isEmpty())
        m_addressLabel->setText(idle ? tr("Not connected") : tr("My address: not known yet"));
    else
        m_addressLabel->setText(tr("My address: %1").arg(m_localAddress));
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
    m_lastError.clear();
    m_localAddress.clear();
    m_client->connectToHost(m_protocol, host(), port());
    updateState();
}

void ClientPane::disconnectFromServer()
{
    m_client->disconnectFromHost();
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
        sendMessage(tr("%1 #%2").arg(base).arg(i));
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
        return tr("→ %1").arg(PayloadText::toDisplay(event.payload));
    case EventKind::Received:
        return tr("← %1").arg(PayloadText::toDisplay(event.payload));
    default:
        return EventFormatter::describe(event);
    }
}

void ClientPane::appendEvents(const SocketEvents &events)
{
    for (const SocketEvent &event : events) {
        if ((event.kind == EventKind::Connected || event.kind == EventKind::Sent)
            && !event.local.isEmpty())
            m_localAddress = event.local;
        else if (event.kind == EventKind::Error)
            m_lastError = EventFormatter::describe(event);
    }
    const int before = m_historyModel->rowCount();
    const qint64 droppedBefore = m_historyModel->droppedRows();
    m_historyModel->appendEvents(events);
    if (m_historyModel->rowCount() != before || m_historyModel->droppedRows() != droppedBefore)
        m_history->scrollToBottom();
    updateState();
}

} // namespace socketlab
