#include "ui/clienttabs.h"

#include "ui/clientpane.h"
#include "ui/colorpalette.h"
#include "core/labsession.h"

#include <QHash>

#include <QEvent>
#include <QPainter>
#include <QPixmap>
#include <QToolButton>

namespace socketlab {

namespace {
QIcon swatch(quint64 id)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(ColorPalette::strong(id));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(1, 1, 14, 14);
    return QIcon(pixmap);
}
} // namespace

ClientTabs::ClientTabs(LabSession *session, QWidget *parent)
    : QTabWidget(parent), m_session(session), m_addButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("clientTabs"));
    setTabsClosable(true);
    setMovable(true);
    setDocumentMode(true);
    m_addButton->setObjectName(QStringLiteral("addClient"));
    m_addButton->setIcon(QIcon(QStringLiteral(":/icons/add-client.svg")));
    m_addButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_addButton->setAutoRaise(true);
    setCornerWidget(m_addButton, Qt::TopRightCorner);
    connect(m_addButton, &QToolButton::clicked, this, &ClientTabs::addClient);
    connect(this, &QTabWidget::tabCloseRequested, this, &ClientTabs::removeClient);
    retranslateUi();
}

void ClientTabs::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QTabWidget::changeEvent(event);
}

void ClientTabs::retranslateUi()
{
    m_addButton->setText(tr("Add client"));
    m_addButton->setToolTip(tr("Adds another client, with its own socket and colour"));
    for (int i = 0; i < count(); ++i)
        setTabText(i, tr("Client %1").arg(pane(i)->id()));
}

ClientPane *ClientTabs::pane(int index) const
{
    return qobject_cast<ClientPane *>(widget(index));
}

QList<ClientPane *> ClientTabs::panes() const
{
    QList<ClientPane *> result;
    for (int i = 0; i < count(); ++i)
        result << pane(i);
    return result;
}

ClientPane *ClientTabs::addClient()
{
    const quint64 id = m_nextId++;
    auto *pane = new ClientPane(id, m_session->client(int(id)), this);
    pane->setProtocol(m_protocol);
    pane->setPort(m_defaultPort);
    const int index = addTab(pane, swatch(id), tr("Client %1").arg(id));
    setCurrentIndex(index);
    emit clientAdded(pane);
    return pane;
}

void ClientTabs::removeClient(int index)
{
    ClientPane *p = pane(index);
    if (!p)
        return;
    const int id = int(p->id());
    removeTab(index);
    delete p;
    // Its last events (the close) still pass through the session, for the server's views.
    m_session->removeClient(id);
}

ClientPane *ClientTabs::paneForId(int id) const
{
    for (int i = 0; i < count(); ++i) {
        if (int(pane(i)->id()) == id)
            return pane(i);
    }
    return nullptr;
}

void ClientTabs::appendEvents(const SocketEvents &events)
{
    // One batch per pane, in the session's order.
    QHash<int, SocketEvents> byClient;
    for (const SocketEvent &event : events) {
        if (event.role == Role::Client && event.clientId > 0)
            byClient[event.clientId].append(event);
    }
    for (auto it = byClient.cbegin(); it != byClient.cend(); ++it) {
        if (ClientPane *p = paneForId(it.key()))
            p->appendEvents(it.value());
    }
}

void ClientTabs::setProtocol(Protocol protocol)
{
    m_protocol = protocol;
    for (ClientPane *p : panes())
        p->setProtocol(protocol);
}

void ClientTabs::setDefaultPort(quint16 port)
{
    m_defaultPort = port;
}

} // namespace socketlab
