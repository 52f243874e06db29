#include "ui/servertoolbar.h"

#include "ui/flowlayout.h"
#include "ui/zoomcontroller.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QLabel>
#include <QSpinBox>
#include <QToolButton>

namespace socketlab {

namespace {
constexpr int kMaxBacklog = 128;
constexpr int kClassroomHandlerNice = 5;
} // namespace

ServerToolBar::ServerToolBar(QWidget *parent)
    : QWidget(parent),
      m_portLabel(new QLabel(this)),
      m_portSpin(new QSpinBox(this)),
      m_backlogLabel(new QLabel(this)),
      m_backlogSpin(new QSpinBox(this)),
      m_exposureLabel(new QLabel(this)),
      m_exposure(new QComboBox(this))
{
    setObjectName(QStringLiteral("serverToolBar"));
    new FlowLayout(this, 2);
    layout()->setContentsMargins(4, 2, 4, 2);

    // Start and Stop first, where the eye starts.
    m_start = addAction(QIcon(QStringLiteral(":/icons/start.svg")), QString());
    m_start->setObjectName(QStringLiteral("start"));
    m_stop = addAction(QIcon(QStringLiteral(":/icons/stop.svg")), QString());
    m_stop->setObjectName(QStringLiteral("stop"));
    addSeparator();
    auto *protocols = new QActionGroup(this);
    m_tcp = addToggle(protocols, QStringLiteral("tcp"));
    m_udp = addToggle(protocols, QStringLiteral("udp"));
    m_tcp->setChecked(true);
    addSeparator();
    auto *modes = new QActionGroup(this);
    m_iterative = addToggle(modes, QStringLiteral("iterative"));
    m_fork = addToggle(modes, QStringLiteral("fork"));
    m_thread = addToggle(modes, QStringLiteral("thread"));
    m_poll = addToggle(modes, QStringLiteral("poll"));
    m_thread->setChecked(true);
    addSeparator();

    m_portSpin->setObjectName(QStringLiteral("serverPort"));
    m_portSpin->setRange(0, 65535);
    m_portSpin->setValue(5000);
    m_portSpin->setAccelerated(true);
    m_portLabel->setBuddy(m_portSpin);
    m_portLabel->setContentsMargins(8, 0, 4, 0);
    m_exposureLabel->setContentsMargins(8, 0, 4, 0);
    addWidget(m_portLabel);
    addWidget(m_portSpin);
    m_backlogSpin->setObjectName(QStringLiteral("backlog"));
    m_backlogSpin->setRange(1, kMaxBacklog);
    m_backlogSpin->setValue(1); // as the recipe
    m_backlogLabel->setBuddy(m_backlogSpin);
    m_backlogLabel->setContentsMargins(8, 0, 4, 0);
    addWidget(m_backlogLabel);
    addWidget(m_backlogSpin);
    m_exposure->setObjectName(QStringLiteral("exposure"));
    m_exposure->addItem(QString());
    m_exposure->addItem(QString());
    m_exposure->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    ZoomController::followFontChanges(m_exposure);
    m_exposureLabel->setBuddy(m_exposure);
    addWidget(m_exposureLabel);
    addWidget(m_exposure);
    m_echo = addAction(QString());
    m_echo->setObjectName(QStringLiteral("echo"));
    m_echo->setCheckable(true);
    m_echo->setChecked(true);

    connect(protocols, &QActionGroup::triggered, this, [this] {
        updateEnabled();
        emit protocolChanged(protocol());
    });
    connect(m_start, &QAction::triggered, this, &ServerToolBar::startRequested);
    connect(m_stop, &QAction::triggered, this, &ServerToolBar::stopRequested);
    retranslateUi();
    updateEnabled();
}

QAction *ServerToolBar::addAction(const QIcon &icon, const QString &text)
{
    auto *action = new QAction(icon, text, this);
    addAction(action);
    return action;
}

QAction *ServerToolBar::addAction(const QString &text)
{
    return addAction(QIcon(), text);
}

void ServerToolBar::addAction(QAction *action)
{
    QWidget::addAction(action);
    auto *button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    button->setObjectName(action->objectName().isEmpty()
                              ? QString()
                              : action->objectName() + QStringLiteral("Button"));
    // Named after the action once it has its name (set right after adding).
    connect(action, &QObject::objectNameChanged, button, [button](const QString &name) {
        button->setObjectName(name + QStringLiteral("Button"));
    });
    layout()->addWidget(button);
    m_widgets.insert(action, button);
}

QAction *ServerToolBar::addWidget(QWidget *widget)
{
    auto *action = new QAction(this);
    QWidget::addAction(action);
    widget->setParent(this);
    layout()->addWidget(widget);
    m_widgets.insert(action, widget);
    return action;
}

QAction *ServerToolBar::addSeparator()
{
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    QAction *action = addWidget(line);
    action->setSeparator(true);
    return action;
}

QWidget *ServerToolBar::widgetForAction(QAction *action) const
{
    return m_widgets.value(action);
}

QAction *ServerToolBar::addToggle(QActionGroup *group, const QString &name)
{
    QAction *action = addAction(QString());
    action->setObjectName(name);
    action->setCheckable(true);
    group->addAction(action);
    return action;
}

void ServerToolBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ServerToolBar::retranslateUi()
{
    setWindowTitle(tr("Server"));
    m_tcp->setText(tr("TCP"));
    m_udp->setText(tr("UDP"));
    m_iterative->setText(tr("Iterative"));
    m_fork->setText(tr("Fork"));
    m_thread->setText(tr("Thread"));
    m_poll->setText(tr("Poll"));
    m_portLabel->setText(tr("&Port:"));
    m_portSpin->setSpecialValueText(tr("any"));
    m_portSpin->setToolTip(tr("The server's port; \"any\" lets the system choose a free one"));
    m_backlogLabel->setText(tr("&Backlog:"));
    m_exposureLabel->setText(tr("&Open to:"));
    m_exposure->setItemText(0, tr("this computer only"));
    m_exposure->setItemText(1, tr("the classroom network"));
    m_exposure->setToolTip(tr("This computer only binds 127.0.0.1. The classroom network binds "
                              "every interface (::, IPv4 and IPv6) so students can connect."));
    m_echo->setText(tr("Echo"));
    m_echo->setToolTip(tr("The server sends every message back to its client"));
    m_start->setText(tr("Start"));
    m_start->setToolTip(tr("Start the server (socket, bind, listen)"));
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("Stop the server and every process or thread serving a client"));
    updateEnabled();
}

void ServerToolBar::updateEnabled()
{
    const bool udp = protocol() == Protocol::Udp;
    for (QAction *action : {m_tcp, m_udp, m_echo})
        action->setEnabled(!m_running);
    m_portSpin->setEnabled(!m_running);
    m_backlogSpin->setEnabled(!m_running && !udp);
    m_backlogLabel->setEnabled(!m_running && !udp);
    m_exposure->setEnabled(!m_running);
    for (QAction *action : {m_iterative, m_fork, m_thread, m_poll})
        action->setEnabled(!m_running && !udp);
    m_start->setEnabled(!m_running);
    m_stop->setEnabled(m_running);

    const QString locked = tr("Stop the server to change this");
    const QString udpReason = tr("Not for UDP: there are no connections to hand over. One socket "
                                 "receives every datagram with recvfrom().");
    m_iterative->setToolTip(udp ? udpReason
                                : m_running
                                ? locked
                                : tr("One client at a time; the others wait in the backlog"));
    m_fork->setToolTip(udp ? udpReason
                           : m_running
                           ? locked
                           : tr("A child process per connection (fork); the parent only accepts"));
    m_thread->setToolTip(udp ? udpReason
                             : m_running
                             ? locked
                             : tr("A thread per connection; the main thread only accepts"));
    m_poll->setToolTip(udp ? udpReason
                           : m_running
                           ? locked
                           : tr("One thread serves every connection: it waits on the "
                                "listening socket and all connections at once with poll()"));
    m_backlogSpin->setToolTip(
        udp             ? tr("Not for UDP: there is no listen() and no connections to queue.")
            : m_running ? locked
                        : tr("listen()'s backlog: how many connections the system completes and "
                             "keeps waiting for accept(). The recipe uses 1; a class connecting at "
                             "once may need more."));
    const QString protocolTip = m_running ? locked
                                          : tr("TCP: connections and a byte stream. "
                                               "UDP: independent datagrams.");
    m_tcp->setToolTip(protocolTip);
    m_udp->setToolTip(protocolTip);
}

void ServerToolBar::setRunning(bool running)
{
    m_running = running;
    updateEnabled();
}

Protocol ServerToolBar::protocol() const
{
    return m_udp->isChecked() ? Protocol::Udp : Protocol::Tcp;
}

Concurrency ServerToolBar::concurrency() const
{
    if (m_iterative->isChecked())
        return Concurrency::Iterative;
    if (m_fork->isChecked())
        return Concurrency::Fork;
    if (m_poll->isChecked())
        return Concurrency::Poll;
    return Concurrency::Thread;
}

quint16 ServerToolBar::port() const
{
    return quint16(m_portSpin->value());
}

ServerToolBar::Exposure ServerToolBar::exposure() const
{
    return m_exposure->currentIndex() == 1 ? Exposure::Classroom : Exposure::ThisComputer;
}

void ServerToolBar::setExposure(Exposure exposure)
{
    m_exposure->setCurrentIndex(exposure == Exposure::Classroom ? 1 : 0);
}

QString ServerToolBar::bindAddressFor(Exposure exposure)
{
    return exposure == Exposure::Classroom ? QStringLiteral("::") : QStringLiteral("127.0.0.1");
}

ServerConfig ServerToolBar::config() const
{
    ServerConfig config;
    config.protocol = protocol();
    config.concurrency = concurrency();
    config.port = port();
    config.bindAddress = bindAddressFor(exposure());
    config.echo = m_echo->isChecked();
    config.backlog = m_backlogSpin->value();
    // A class flooding the server must not starve the window: the teacher can still click Stop.
    config.handlerNice = kClassroomHandlerNice;
    return config;
}

void ServerToolBar::setConfig(const ServerConfig &config)
{
    (config.protocol == Protocol::Udp ? m_udp : m_tcp)->setChecked(true);
    switch (config.concurrency) {
    case Concurrency::Iterative:
        m_iterative->setChecked(true);
        break;
    case Concurrency::Fork:
        m_fork->setChecked(true);
        break;
    case Concurrency::Thread:
        m_thread->setChecked(true);
        break;
    case Concurrency::Poll:
        m_poll->setChecked(true);
        break;
    }
    m_portSpin->setValue(config.port);
    m_backlogSpin->setValue(qBound(1, config.backlog, kMaxBacklog));
    setExposure(config.bindAddress == QLatin1String("127.0.0.1") ? Exposure::ThisComputer
                                                                 : Exposure::Classroom);
    m_echo->setChecked(config.echo);
    updateEnabled();
    emit protocolChanged(protocol());
}

} // namespace socketlab
