#include "ui/clientpanes.h"

#include "core/labsession.h"
#include "ui/clientpane.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHash>
#include <QPointer>
#include <QScrollBar>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace socketlab {

ClientPanes::ClientPanes(LabSession *session, QWidget *parent)
    : QScrollArea(parent),
      m_session(session),
      m_row(new QWidget(this)),
      m_layout(new QHBoxLayout(m_row)),
      m_addButton(new QToolButton(m_row))
{
    setObjectName(QStringLiteral("clientPanes"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_layout->setContentsMargins(2, 2, 2, 2);
    m_layout->setSpacing(6);
    m_addButton->setObjectName(QStringLiteral("addClientButton"));
    m_addButton->setIcon(QIcon(QStringLiteral(":/icons/add-client.svg")));
    m_addButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_addButton->setAutoRaise(true);
    m_layout->addWidget(m_addButton, 0, Qt::AlignTop);
    setWidget(m_row);
    // A vertical scroll bar coming or going changes the room without resizing this.
    viewport()->installEventFilter(this);
    connect(m_addButton, &QToolButton::clicked, this, &ClientPanes::addClient);
    retranslateUi();
}

void ClientPanes::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::FontChange)
        updateWidths();
    QScrollArea::changeEvent(event);
}

void ClientPanes::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    updateWidths();
}

bool ClientPanes::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == viewport() && event->type() == QEvent::Resize)
        updateWidths();
    // A pane's rows changed (its language, its state, its font): its least width with them.
    if (event->type() == QEvent::LayoutRequest
        && m_panes.contains(qobject_cast<ClientPane *>(watched)))
        updateWidths();
    // Each pane's close button sits in its title bar's top right corner.
    if (event->type() == QEvent::Resize) {
        const int index = m_panes.indexOf(qobject_cast<ClientPane *>(watched));
        if (index >= 0) {
            QToolButton *close = m_closeButtons.at(index);
            const QSize size = close->sizeHint();
            close->setGeometry(m_panes.at(index)->width() - size.width() - 6, 6, size.width(),
                               size.height());
            close->raise();
        }
    }
    return QScrollArea::eventFilter(watched, event);
}

void ClientPanes::retranslateUi()
{
    m_addButton->setToolTip(tr("Adds another client, with its own socket and colour"));
    m_addButton->setAccessibleName(tr("Add client"));
    for (int i = 0; i < m_closeButtons.size(); ++i)
        m_closeButtons.at(i)->setToolTip(tr("Remove client %1").arg(m_panes.at(i)->id()));
}

int ClientPanes::preferredHeight() const
{
    // With room for a few more lines of history than the least.
    return m_row->minimumSizeHint().height() + horizontalScrollBar()->sizeHint().height()
        + 3 * fontMetrics().lineSpacing();
}

int ClientPanes::workingHeight() const
{
    int bottom = 0;
    for (const ClientPane *pane : std::as_const(m_panes)) {
        for (const char *name : {"message", "send"}) {
            const QWidget *widget = pane->findChild<QWidget *>(QLatin1String(name));
            // Not laid out yet: the whole row.
            if (!widget || !widget->isVisible() || widget->height() <= 0)
                return m_row->minimumSizeHint().height()
                    + horizontalScrollBar()->sizeHint().height();
            bottom = qMax(bottom, widget->mapTo(m_row, QPoint(0, widget->height())).y());
        }
    }
    bottom += m_layout->contentsMargins().bottom();
    // A row wider than the view (more panes than the width holds, or panes at their least
    // width) scrolls sideways under a scroll bar, which the view's height includes.
    if (m_panes.size() > kVisiblePanes || horizontalScrollBar()->isVisible())
        bottom += horizontalScrollBar()->sizeHint().height();
    return bottom;
}

int ClientPanes::minimumPaneWidth() const
{
    // What the panes' own rows ask for, every button's text whole, as this Qt and style draw
    // them (a guess in average characters fell short of Qt 6.8's wider boxes).
    int width = 0;
    for (const ClientPane *pane : m_panes)
        width = qMax(width, pane->minimumSizeHint().width());
    return width;
}

void ClientPanes::updateWidths()
{
    // Up to four panes share the width; beyond that each keeps a quarter and the row scrolls.
    const QMargins margins = m_layout->contentsMargins();
    const int room = viewport()->width() - margins.left() - margins.right()
        - m_addButton->sizeHint().width() - m_layout->spacing();
    const int shown = qBound(1, int(m_panes.size()), int(kVisiblePanes));
    const int width = qMax(minimumPaneWidth(), (room - m_layout->spacing() * shown) / shown);
    const int historyLines = 2;
    for (ClientPane *pane : std::as_const(m_panes)) {
        pane->setFixedWidth(width);
        // Five digits are all a port needs (the box's own size hint measures 65535 in its
        // frame; four digits and a guess cut the last one off); the rest goes to Connect.
        if (auto *port = pane->findChild<QWidget *>(QStringLiteral("port")))
            port->setMaximumWidth(port->sizeHint().width());
        // A few lines of history are enough to follow; the server's tables need the height.
        if (auto *history = pane->findChild<QWidget *>(QStringLiteral("history")))
            history->setMinimumHeight(pane->fontMetrics().lineSpacing() * historyLines + 8);
    }
    // A pane taller than the room scrolls; the server's tables keep the height.
    setMinimumHeight(qMin(m_row->minimumSizeHint().height(), fontMetrics().lineSpacing() * 3));
}

ClientPane *ClientPanes::pane(int index) const
{
    return m_panes.value(index);
}

ClientPane *ClientPanes::addClient()
{
    const quint64 id = m_nextId++;
    auto *pane = new ClientPane(id, m_session->client(int(id)), m_row);
    pane->setProtocol(m_protocol);
    pane->setPort(m_defaultPort);
    auto *close = new QToolButton(pane);
    close->setObjectName(QStringLiteral("removeClient"));
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setAutoRaise(true);
    close->setToolButtonStyle(Qt::ToolButtonIconOnly);
    connect(close, &QToolButton::clicked, this,
            [this, pane] { removeClient(int(m_panes.indexOf(pane))); });
    pane->installEventFilter(this);
    m_layout->insertWidget(int(m_panes.size()), pane);
    // At once, not when the event loop gets to it: the new pane is counted and read right away.
    pane->show();
    m_panes << pane;
    m_closeButtons << close;
    retranslateUi();
    updateWidths();
    setCurrentIndex(int(m_panes.size()) - 1);
    emit clientAdded(pane);
    return pane;
}

void ClientPanes::removeClient(int index)
{
    ClientPane *p = pane(index);
    if (!p)
        return;
    const int id = int(p->id());
    m_panes.removeAt(index);
    m_closeButtons.removeAt(index);
    delete p;
    updateWidths();
    // Its last events (the close) still pass through the session, for the server's views.
    m_session->removeClient(id);
}

void ClientPanes::setCurrentIndex(int index)
{
    if (ClientPane *p = pane(index)) {
        // After the row has taken the new pane's width.
        QTimer::singleShot(0, this, [this, p = QPointer<ClientPane>(p)] {
            // Sideways only: the panes are never taller than the row.
            if (p
                && (p->x() < horizontalScrollBar()->value()
                    || p->geometry().right()
                        > horizontalScrollBar()->value() + viewport()->width()))
                horizontalScrollBar()->setValue(p->geometry().right() - viewport()->width() + 1);
        });
    }
}

ClientPane *ClientPanes::paneForId(int id) const
{
    for (ClientPane *p : m_panes) {
        if (int(p->id()) == id)
            return p;
    }
    return nullptr;
}

void ClientPanes::appendEvents(const SocketEvents &events)
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

void ClientPanes::setProtocol(Protocol protocol)
{
    m_protocol = protocol;
    for (ClientPane *p : std::as_const(m_panes))
        p->setProtocol(protocol);
}

void ClientPanes::setDefaultPort(quint16 port)
{
    m_defaultPort = port;
}

} // namespace socketlab
