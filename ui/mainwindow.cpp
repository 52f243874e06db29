#include "ui/mainwindow.h"

#include "ui/calltracemodel.h"

#include "core/eventformatter.h"
#include "core/packetlabel.h"
#include "translations/languagemanager.h"
#include "ui/callsequencewidget.h"
#include "ui/checkdialog.h"
#include "ui/classmodel.h"
#include "ui/classview.h"
#include "ui/clientpane.h"
#include "ui/clientpanes.h"
#include "ui/connectionsmodel.h"
#include "ui/lessons/lessonwindow.h"
#include "ui/logexporter.h"
#include "ui/logfiltermodel.h"
#include "ui/models/eventlistmodel.h"
#include "ui/programdock.h"
#include "ui/programpane.h"
#include "ui/screenfit.h"
#include "ui/serverpane.h"
#include "ui/servertoolbar.h"
#include "ui/uiresources.h"
#include "ui/viewcontrols.h"
#include "ui/windowsettings.h"
#include "ui/wiredock.h"
#include "ui/zoomcontroller.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenuBar>
#include <QResizeEvent>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace socketlab {

MainWindow::MainWindow(LanguageManager *language, QWidget *parent)
    : QMainWindow(parent),
      m_language(language ? language : new LanguageManager(this)),
      m_toolBar(new ServerToolBar(this)),
      m_serverPane(new ServerPane(this)),
      m_clients(new ClientPanes(&m_session, this)),
      m_sequence(new CallSequenceWidget(this)),
      m_clientsDock(new QDockWidget(this)),
      m_sequenceDock(new QDockWidget(this)),
      m_classView(new ClassView(this)),
      m_classDock(new QDockWidget(this)),
      m_programDock(new ProgramDock(&m_session, this)),
      m_zoom(ZoomController::instance()),
      m_modeLabel(new QLabel(this))
{
    initUiResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/socketlab.svg")));
    QFile style(QStringLiteral(":/presentation.qss"));
    if (style.open(QIODevice::ReadOnly))
        m_presentationStyle = QString::fromUtf8(style.readAll());

    createActions();
    m_viewControls = new ViewControls(m_zoomOutAction, m_zoomResetAction, m_zoomInAction,
                                      m_presentationAction, this);
    // The language list sits with the view controls (ViewControls): in the switches' rows it
    // took a row of its own on a projector.
    // The switches flow into rows below the menus; the view controls keep their place in the
    // menu bar's top right corner, the one spot zooming does not move.
    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("central"));
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(m_serverPane, 1);
    setCentralWidget(central);

    // The clients need the whole width (four side by side) and the call sequence too: they
    // share the bottom as tabs, so the server's tables keep the height to be read.
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    m_clientsDock->setObjectName(QStringLiteral("clientsDock"));
    m_clientsDock->setWidget(m_clients);
    // The teacher may hide the clients (View menu) to give a class the room.
    m_clientsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                               | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::BottomDockWidgetArea, m_clientsDock);
    // A traced program's pane sits beside the clients (before they take the sequence as a tab).
    m_programDock->placeBeside(m_clientsDock);
    m_sequenceDock->setObjectName(QStringLiteral("sequenceDock"));
    m_sequenceDock->setWidget(m_sequence);
    m_sequenceDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                                | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::BottomDockWidgetArea, m_sequenceDock);
    tabifyDockWidget(m_clientsDock, m_sequenceDock);
    m_classDock->setObjectName(QStringLiteral("classDock"));
    m_classView->setModel(m_serverPane->classModel());
    m_classDock->setWidget(m_classView);
    m_classDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                             | QDockWidget::DockWidgetClosable);
    // Its tab names it: a title bar would take a row of tiles (View shows and hides it).
    m_classDock->setTitleBarWidget(new QWidget(m_classDock));
    addDockWidget(Qt::BottomDockWidgetArea, m_classDock);
    tabifyDockWidget(m_clientsDock, m_classDock);
    m_wireDock = new WireDock(&m_session, this);
    m_wireDock->placeBeside(m_sequenceDock);
    connect(m_wireDock->logBox(), &QCheckBox::toggled, m_serverPane->shownLogModel(),
            &LogFilterModel::setShowPackets);
    connect(m_serverPane->classModel(), &ClassModel::classChanged, this, &MainWindow::classChanged);
    m_clientsDock->raise();
    m_modeLabel->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_modeLabel);

    createMenus();
    menuBar()->setCornerWidget(m_viewControls, Qt::TopRightCorner);

    connect(&m_session, &LabSession::eventsArrived, this, &MainWindow::sessionEventsArrived);
    connect(&m_session, &LabSession::socketsSampled, m_serverPane, &ServerPane::setSockets);
    m_serverPane->connectionsModel()->setClientIdLookup(
        [this](const QString &peer) { return m_session.clientIdForSocket(peer); });
    connect(m_toolBar, &ServerToolBar::startRequested, this, &MainWindow::startServer);
    connect(m_toolBar, &ServerToolBar::stopRequested, this, &MainWindow::stopServer);
    connect(m_toolBar, &ServerToolBar::protocolChanged, this, &MainWindow::protocolChanged);
    connect(m_language, &LanguageManager::languageChanged, this,
            &MainWindow::updateLanguageActions);
    connect(m_viewControls, &ViewControls::languageRequested, this, &MainWindow::setLanguage);
    connect(m_zoom, &ZoomController::changed, this, &MainWindow::updateZoomTexts);

    m_clients->addClient();
    // Made for a 1024x768 projector, title bar and frame included (a 1024x768 client area
    // put the status bar below the screen).
    ScreenFit::apply(this, QSize(1024, 768));
    fitClientsDock();
    const WindowSettings saved = WindowSettings::read(QSettings());
    applySettings(saved);
    // Once the panes have their real sizes (a saved layout wins).
    if (saved.state.isEmpty())
        QTimer::singleShot(0, this, &MainWindow::fitClientsDock);
    retranslateUi();
    updateLanguageActions();
}

MainWindow::~MainWindow()
{
    // Nobody is left to show what stopping reports.
    disconnect(&m_session, nullptr, this, nullptr);
    m_programDock->pane()->kill();
    m_session.stopAll();
}

void MainWindow::createActions()
{
    auto make = [this](const QString &name, const QString &icon, const QKeySequence &shortcut) {
        auto *action = new QAction(this);
        action->setObjectName(name);
        if (!icon.isEmpty())
            action->setIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)));
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        return action;
    };
    m_saveAction = make(QStringLiteral("saveLog"), QStringLiteral("save"), QKeySequence::Save);
    m_quitAction = make(QStringLiteral("quit"), QString(), QKeySequence::Quit);
    m_copyAction = make(QStringLiteral("copyRows"), QStringLiteral("copy"), QKeySequence::Copy);
    m_clearAction = make(QStringLiteral("clearLog"), QStringLiteral("clear"),
                         QKeySequence(Qt::CTRL | Qt::Key_L));
    m_addClientAction = make(QStringLiteral("addClient"), QStringLiteral("add-client"),
                             QKeySequence(Qt::CTRL | Qt::Key_T));
    m_zoomInAction
        = make(QStringLiteral("zoomIn"), QStringLiteral("zoom-in"), QKeySequence::ZoomIn);
    m_zoomOutAction
        = make(QStringLiteral("zoomOut"), QStringLiteral("zoom-out"), QKeySequence::ZoomOut);
    m_zoomResetAction = make(QStringLiteral("zoomReset"), QStringLiteral("zoom-reset"),
                             QKeySequence(Qt::CTRL | Qt::Key_0));
    m_presentationAction = make(QStringLiteral("presentation"), QStringLiteral("presentation"),
                                QKeySequence(Qt::Key_F11));
    m_presentationAction->setCheckable(true);
    m_hexAction = make(QStringLiteral("hexColumn"), QString(), QKeySequence());
    m_hexAction->setCheckable(true);
    m_lessonsAction
        = make(QStringLiteral("lessons"), QString(), QKeySequence(Qt::CTRL | Qt::Key_G));
    m_checkAction = make(QStringLiteral("checkProgram"), QString(), QKeySequence());
    connect(m_checkAction, &QAction::triggered, this, [this] {
        if (!m_checkDialog)
            m_checkDialog = new CheckDialog(m_language, this);
        m_checkDialog->show();
        m_checkDialog->raise();
    });
    m_englishAction = make(QStringLiteral("english"), QString(), QKeySequence());
    m_portugueseAction = make(QStringLiteral("portuguese"), QString(), QKeySequence());
    m_languageGroup = new QActionGroup(this);
    for (QAction *action : {m_englishAction, m_portugueseAction}) {
        action->setCheckable(true);
        m_languageGroup->addAction(action);
    }
    // Language names are written in their own language, so nobody is stuck in the wrong one.
    m_englishAction->setText(QStringLiteral("English"));
    m_portugueseAction->setText(QStringLiteral("Português (Brasil)"));
    m_englishAction->setData(QStringLiteral("en"));
    m_portugueseAction->setData(QStringLiteral("pt_BR"));

    auto *leavePresentation = new QAction(this);
    leavePresentation->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(leavePresentation, &QAction::triggered, this, [this] {
        if (m_presentationAction->isChecked())
            setPresentationMode(false);
    });
    addAction(leavePresentation);
    // Their keys work while the menu bar is hidden (presentation mode) too.
    addActions({m_saveAction, m_quitAction, m_copyAction, m_clearAction, m_addClientAction,
                m_zoomInAction, m_zoomOutAction, m_zoomResetAction, m_presentationAction,
                m_lessonsAction});
    m_toolBar->startAction()->setShortcut(QKeySequence(Qt::Key_F5));
    m_toolBar->stopAction()->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));

    connect(m_saveAction, &QAction::triggered, this, &MainWindow::saveLogAs);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::close);
    connect(m_copyAction, &QAction::triggered, this, &MainWindow::copySelectedRows);
    connect(m_clearAction, &QAction::triggered, this, &MainWindow::clearLog);
    connect(m_addClientAction, &QAction::triggered, m_clients, &ClientPanes::addClient);
    connect(m_zoomInAction, &QAction::triggered, m_zoom, &ZoomController::zoomIn);
    connect(m_zoomOutAction, &QAction::triggered, m_zoom, &ZoomController::zoomOut);
    connect(m_zoomResetAction, &QAction::triggered, m_zoom, &ZoomController::reset);
    connect(m_presentationAction, &QAction::toggled, this, &MainWindow::setPresentationMode);
    connect(m_hexAction, &QAction::toggled, m_serverPane, &ServerPane::setHexVisible);
    connect(m_lessonsAction, &QAction::triggered, this, &MainWindow::showLessons);
    connect(m_languageGroup, &QActionGroup::triggered, this,
            [this](QAction *action) { setLanguage(action->data().toString()); });

    m_toolBar->addSeparator();
    m_toolBar->addAction(m_addClientAction);
    m_toolBar->addAction(m_programDock->runAction());
    // An icon only (the tooltip names it): with a label the switches take one more row on a
    // projector in Portuguese.
    if (auto *button = m_toolBar->findChild<QToolButton *>(QStringLiteral("runProgramButton")))
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_toolBar->addAction(m_saveAction);
    m_toolBar->addAction(m_clearAction);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_programDock->runAction());
    m_fileMenu->addAction(m_checkAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_saveAction);
    m_fileMenu->addAction(m_wireDock->exportAction());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(m_copyAction);
    m_editMenu->addAction(m_clearAction);
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_addClientAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_zoomInAction);
    m_viewMenu->addAction(m_zoomOutAction);
    m_viewMenu->addAction(m_zoomResetAction);
    m_viewMenu->addAction(m_presentationAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_hexAction);
    m_viewMenu->addAction(m_clientsDock->toggleViewAction());
    m_viewMenu->addAction(m_classDock->toggleViewAction());
    m_viewMenu->addAction(m_sequenceDock->toggleViewAction());
    m_viewMenu->addAction(m_wireDock->toggleViewAction());
    m_lessonsMenu = menuBar()->addMenu(QString());
    m_lessonsMenu->addAction(m_lessonsAction);
    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->addAction(m_englishAction);
    m_languageMenu->addAction(m_portugueseAction);
}

LessonWindow *MainWindow::lessonWindow() const
{
    return m_lessons;
}

void MainWindow::showLessons()
{
    // One lessons window, kept while it is open; it runs its own server and clients.
    if (!m_lessons) {
        m_lessons = new LessonWindow(this);
        m_lessons->setAttribute(Qt::WA_DeleteOnClose);
        ScreenFit::apply(m_lessons, m_lessons->size());
        // The same zoom keys as here; the lessons' own F11 presents that window.
        m_lessons->addActions({m_zoomInAction, m_zoomOutAction, m_zoomResetAction});
        connect(
            m_lessons, &LessonWindow::presentationModeChanged, m_zoom,
            [this, lessons = m_lessons.data()](bool on) { m_zoom->setPresenting(lessons, on); });
    }
    m_lessons->show();
    m_lessons->raise();
    m_lessons->activateWindow();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("SocketLab"));
    m_clientsDock->setWindowTitle(tr("Clients"));
    m_sequenceDock->setWindowTitle(tr("Call sequence"));
    classChanged();
    m_fileMenu->setTitle(tr("&File"));
    m_editMenu->setTitle(tr("&Edit"));
    m_viewMenu->setTitle(tr("&View"));
    m_lessonsMenu->setTitle(tr("Lesso&ns"));
    m_lessonsAction->setText(tr("&Guided lessons..."));
    m_checkAction->setText(tr("C&heck a program..."));
    m_lessonsAction->setToolTip(
        tr("Step-by-step classroom demos with a sequence diagram and the server's processes"));
    m_languageMenu->setTitle(tr("&Language"));
    m_saveAction->setText(tr("&Save log..."));
    m_saveAction->setIconText(tr("Save log"));
    m_quitAction->setText(tr("&Quit"));
    m_copyAction->setText(tr("&Copy selected rows"));
    m_clearAction->setText(tr("C&lear log"));
    m_clearAction->setIconText(tr("Clear"));
    m_addClientAction->setText(tr("&Add client"));
    m_addClientAction->setIconText(tr("Add client"));
    m_zoomInAction->setText(tr("Zoom &in"));
    m_zoomInAction->setIconText(tr("Larger"));
    m_zoomOutAction->setText(tr("Zoom &out"));
    m_zoomOutAction->setIconText(tr("Smaller"));
    m_zoomResetAction->setText(tr("&Reset zoom"));
    m_presentationAction->setText(tr("&Presentation mode"));
    updateZoomTexts();
    m_hexAction->setText(tr("Show &hex column"));
    updateModeLabel();
}

void MainWindow::updateZoomTexts()
{
    // The real level, in a button as wide as the widest level.
    m_zoomResetAction->setIconText(tr("%1%").arg(m_zoom->percent()));
    m_zoomResetAction->setToolTip(
        tr("Text size %1%: click for 100% (Ctrl+0)").arg(m_zoom->percent()));
    m_zoomInAction->setEnabled(m_zoom->canZoomIn());
    m_zoomOutAction->setEnabled(m_zoom->canZoomOut());
    m_viewControls->reserveWidth(m_zoomResetAction,
                                 {tr("%1%").arg(ZoomController::steps().constLast())});
    const bool presenting = isPresenting();
    m_presentationAction->setIconText(presenting ? tr("Exit presentation") : tr("Present"));
    m_presentationAction->setToolTip(presenting
                                         ? tr("Back to the normal window (F11 or Esc)")
                                         : tr("Full screen, large text, high contrast (F11)"));
    m_viewControls->keepFixedFont();
    m_viewControls->reserveWidth(m_presentationAction, {tr("Exit presentation"), tr("Present")});
    // The menu bar places its corner widget only when it is resized itself.
    m_viewControls->adjustSize();
    QResizeEvent resized(menuBar()->size(), menuBar()->size());
    QCoreApplication::sendEvent(menuBar(), &resized);
}

namespace {
constexpr int kConnectionRows = 3;
constexpr int kLogRows = 4;
} // namespace

void MainWindow::fitClientsDock()
{
    // A whole pane when there is room, never much more than two fifths of the window: the
    // server's connections and log come first (a pane's history then scrolls).
    const double share = isPresenting() ? 0.36 : 0.42;
    const int wanted = qMin(m_clients->preferredHeight(), int(this->height() * share));
    if (!isVisible() || !m_clientsDock->isVisible() || m_clientsDock->isFloating()) {
        // Nothing laid out to measure yet: a first guess, made right once shown.
        resizeDocks({m_clientsDock}, {qMax(m_clients->minimumHeight(), wanted)}, Qt::Vertical);
        return;
    }
    // Everything below is measured from the laid-out widgets, nothing assumed: title bars,
    // tabs, frames, headers and rows differ between styles and Qt versions (Qt 6.8's took
    // 15 px more than 6.4's, which put the projected message lines below the clients area).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    // The dock's own title bar (none while presenting).
    const int title = qMax(0, m_clientsDock->height() - m_clients->height());
    // Every pane's message line and Send on screen (the history may scroll away below).
    const int least = qMax(m_clients->minimumHeight(), m_clients->workingHeight()) + title;
    // A class follows three connections and four log rows, so those come before a taller
    // pane: the dock may take what the server's tables can spare beyond them.
    const int room = m_clientsDock->height() + m_serverPane->spareHeight(kConnectionRows, kLogRows);
    const int height = qMax(least, qMin(wanted + title, room));
    // resizeDocks() sizes the dock's tab group, its tab bar included.
    const int areaBottom
        = statusBar()->isVisible() ? statusBar()->geometry().top() : this->height();
    const int tabs = qMax(0, areaBottom - m_clientsDock->geometry().bottom() - 1);
    if (height != m_clientsDock->height())
        resizeDocks({m_clientsDock}, {height + tabs}, Qt::Vertical);
}

void MainWindow::classChanged()
{
    const ClassModel *model = m_serverPane->classModel();
    const int students = model->rowCount();
    const int connected = model->connectedCount();
    m_classDock->setWindowTitle(
        students == 0 ? tr("Class") : tr("Class: %1 of %2 connected").arg(connected).arg(students));
    // The first student (of a class that had none): the class comes to the front, once.
    if (students > 0 && m_studentsShown == 0) {
        if (!m_classDock->isVisible())
            m_classDock->show();
        m_classDock->raise();
        fitClassDock();
    }
    if (students > m_studentsShown && m_classDock->isVisible() && !m_classDock->isFloating())
        QTimer::singleShot(0, this, &MainWindow::fitClassDock);
    m_studentsShown = students;
}

void MainWindow::fitClassDock()
{
    if (m_classDock->isFloating() || m_classView->visibleRegion().isEmpty())
        return;
    const int students = m_serverPane->classModel()->rowCount();
    // The tab bar below the tiles (the dock has no title bar).
    const int chrome = fontMetrics().height() + 14;
    const int wanted = m_classView->heightForStudents(m_classView->width(), students) + chrome;
    // The server's tables keep a header and four rows each.
    const int row = m_serverPane->logView()->verticalHeader()->defaultSectionSize();
    const int switches = m_toolBar->heightForWidth(width()) - m_toolBar->minimumSizeHint().height();
    const int room = height() - menuBar()->height()
        - (statusBar()->isVisible() ? statusBar()->height() : 0)
        - centralWidget()->minimumSizeHint().height() - qMax(0, switches) - 6 * row;
    const int dock = qMax(m_classView->minimumSizeHint().height(), qMin(wanted, room));
    if (m_classDock->height() != dock)
        resizeDocks({m_classDock}, {dock}, Qt::Vertical);
}

bool MainWindow::isPresenting() const
{
    return m_zoom->isPresenting(this);
}

void MainWindow::updateModeLabel()
{
    const Server *server = m_session.server();
    const ServerConfig config = server->isRunning() ? server->config() : m_toolBar->config();
    m_modeLabel->setText(EventFormatter::modeText(config.protocol, config.concurrency));
}

void MainWindow::updateLanguageActions()
{
    const QString language = m_language->language();
    m_englishAction->setChecked(language != QLatin1String("pt_BR"));
    m_portugueseAction->setChecked(language == QLatin1String("pt_BR"));
    m_viewControls->setLanguage(language == QLatin1String("pt_BR") ? language
                                                                   : QStringLiteral("en"));
}

void MainWindow::setLanguage(const QString &language)
{
    m_language->setLanguage(language);
    updateLanguageActions();
}

bool MainWindow::startServer()
{
    const ServerConfig config = m_toolBar->config();
    Server *server = m_session.server();
    if (!server->start(config)) {
        // The whole explanation is in the server's headline; here a line that ends before
        // the mode beside it (a long one ran into it: "…port 6103: n TCP, a thread…").
        const int room = statusBar()->width() - m_modeLabel->sizeHint().width()
            - 4 * statusBar()->fontMetrics().averageCharWidth();
        statusBar()->showMessage(statusBar()->fontMetrics().elidedText(
            tr("The server did not start: %1").arg(server->errorString()), Qt::ElideRight,
            qMax(0, room)));
        // The failure reaches the server pane's headline now, not a few milliseconds later.
        m_session.flush();
        m_toolBar->setRunning(false);
        m_serverPane->setEndpoint(QString(), 0);
        return false;
    }
    statusBar()->clearMessage();
    // Show "listening" and the status at once rather than a few milliseconds later.
    m_session.flush();
    m_toolBar->setRunning(true);
    const quint16 port = server->localPort();
    m_serverPane->setEndpoint(config.bindAddress, port);
    m_clients->setDefaultPort(port);
    for (ClientPane *pane : m_clients->panes()) {
        if (pane->client()->state() == Client::State::Unconnected)
            pane->setPort(port);
    }
    updateModeLabel();
    return true;
}

void MainWindow::stopServer()
{
    // Counted before: stopping closes them, and the log's "Ending connection" lines alone
    // did not say that the clients were cut off by the teacher.
    int connected = 0;
    const ConnectionsModel *connections = m_serverPane->connectionsModel();
    for (int row = 0; row < connections->rowCount(); ++row) {
        const ConnectionsModel::Row &r = connections->rowAt(row);
        connected += (!r.waiting && !r.left) ? 1 : 0;
    }
    const bool tcp = m_session.server()->config().protocol == Protocol::Tcp;
    const bool wasRunning = m_session.server()->isRunning();
    m_session.server()->stop();
    if (wasRunning && tcp && connected > 0)
        statusBar()->showMessage(
            connected == 1 ? tr("Server stopped: its connected client was cut off; its next recv() "
                                "returns 0 and a send() gets a reset")
                           : tr("Server stopped: %n connected clients were cut off; their next "
                                "recv() returns 0 and a send() gets a reset",
                                nullptr, connected));
    m_toolBar->setRunning(false);
    m_serverPane->setEndpoint(QString(), 0);
    m_serverPane->setTotals(m_session.server()->totals());
}

void MainWindow::sessionEventsArrived(const SocketEvents &events)
{
    SocketEvents serverEvents;
    SocketEvents traced; // a traced program's: the log and connections show them, the status not
    SocketEvents others; // the client panes': everything but the wire's packets
    SocketEvents packets; // for the log, while it shows them
    others.reserve(events.size());
    for (const SocketEvent &event : events) {
        // Packets: the Wire tab and the call sequence's lanes show them, the log when asked
        // (as the server's log rows; a row cap must not lose the calls to them otherwise).
        if (PacketLabel::isPacket(event)) {
            if (m_wireDock->logBox()->isChecked()) {
                packets.append(event);
                packets.last().role = Role::Server;
            }
            continue;
        }
        others.append(event);
        if (event.traced)
            traced.append(event);
        else if (event.role == Role::Server)
            serverEvents.append(event);
    }
    if (!traced.isEmpty())
        m_serverPane->appendProgramEvents(traced);
    m_clients->appendEvents(others);
    if (!packets.isEmpty())
        m_serverPane->logModel()->appendEvents(packets);
    if (!serverEvents.isEmpty()) {
        m_serverPane->appendEvents(serverEvents);
        m_serverPane->setTotals(m_session.server()->totals());
    }
    m_sequence->appendEvents(events);
}

void MainWindow::protocolChanged(Protocol protocol)
{
    m_clients->setProtocol(protocol);
    m_sequence->setProtocol(protocol);
    updateModeLabel();
}

void MainWindow::clearLog()
{
    m_serverPane->clearLog();
    m_sequence->clear();
}

QList<int> MainWindow::visibleLogColumns() const
{
    QList<int> columns;
    for (int c = 0; c < EventListModel::ColumnCount; ++c) {
        if (!m_serverPane->logView()->isColumnHidden(c))
            columns << c;
    }
    return columns;
}

QString MainWindow::selectedRowsText() const
{
    const QModelIndexList selected = m_serverPane->logView()->selectionModel()->selectedRows();
    QList<int> rows;
    for (const QModelIndex &index : selected)
        rows << index.row();
    if (rows.isEmpty())
        return QString();
    std::sort(rows.begin(), rows.end());
    return LogExporter::render(m_serverPane->shownLogModel(), LogExporter::Format::Text, rows,
                               visibleLogColumns());
}

void MainWindow::copySelectedRows()
{
    const QString text = selectedRowsText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

bool MainWindow::saveLog(const QString &path, QString *error)
{
    // What the log shows (its filters apply): see the filters' tooltips.
    return LogExporter::write(m_serverPane->shownLogModel(), path, LogExporter::formatForPath(path),
                              visibleLogColumns(), error);
}

void MainWindow::saveLogAs()
{
    QString selectedFilter;
    const QString csv = tr("CSV files (*.csv)");
    const QString text = tr("Text files (*.txt)");
    QString path
        = QFileDialog::getSaveFileName(this, tr("Save log"), QStringLiteral("socketlab-log.csv"),
                                       csv + QStringLiteral(";;") + text, &selectedFilter);
    if (path.isEmpty())
        return;
    if (selectedFilter == text && !path.contains(QLatin1Char('.')))
        path += QStringLiteral(".txt");
    QString error;
    if (saveLog(path, &error))
        statusBar()->showMessage(tr("Log saved to %1").arg(path), 5000);
    else
        statusBar()->showMessage(error);
}

void MainWindow::setPresentationMode(bool on)
{
    if (m_presentationAction->isChecked() != on)
        m_presentationAction->setChecked(on);
    if (on == isPresenting())
        return;
    if (on) {
        m_beforePresentation.geometry = geometry();
        m_beforePresentation.state = saveState();
        m_beforePresentation.windowState = windowState();
        m_beforePresentation.zoom = m_zoom->percent();
        // The style sheet before the font: the zoom polishes windows with a style sheet
        // again so their widgets take the new size (a style sheet pins a widget's font).
        setStyleSheet(m_presentationStyle);
        m_zoom->setPresenting(this, true);
        // The menu bar stays: it holds the Exit presentation button in its corner.
        // The tabs name the docks; their title bars would only take rows from the tables.
        for (QDockWidget *dock : {m_clientsDock, m_sequenceDock})
            dock->setTitleBarWidget(new QWidget(dock));
        m_serverPane->setCompact(true);
        m_sequence->traceView()->setColumnHidden(CallTraceModel::TimeColumn, true);
        statusBar()->setVisible(false);
        updateZoomTexts();
        showFullScreen();
        fitClientsDock();
        QTimer::singleShot(0, this, &MainWindow::fitClientsDock);
        return;
    }
    // In the reverse order, so each step finds the state it changed.
    setStyleSheet(QString());
    ZoomController::unpinFonts(this);
    m_zoom->setPresenting(this, false);
    m_zoom->setPercent(m_beforePresentation.zoom);
    m_serverPane->setCompact(false);
    statusBar()->setVisible(true);
    for (QDockWidget *dock : {m_clientsDock, m_sequenceDock}) {
        QWidget *empty = dock->titleBarWidget();
        dock->setTitleBarWidget(nullptr);
        delete empty;
    }
    m_sequence->traceView()->setColumnHidden(CallTraceModel::TimeColumn, false);
    updateZoomTexts();
    // The smaller fonts' layouts first, or the old minimum sizes would stretch the window.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::ApplicationFontChange);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    // The rectangle itself: restoreGeometry() second-guesses the title bar and moves it.
    setWindowState(m_beforePresentation.windowState);
    if (!(m_beforePresentation.windowState & (Qt::WindowMaximized | Qt::WindowFullScreen)))
        setGeometry(m_beforePresentation.geometry);
    restoreState(m_beforePresentation.state);
}

void MainWindow::applySettings(const WindowSettings &saved)
{
    ServerConfig config = m_toolBar->config();
    config.protocol = saved.protocol;
    config.concurrency = saved.concurrency;
    config.port = saved.port;
    config.backlog = saved.backlog;
    config.bindAddress = ServerToolBar::bindAddressFor(saved.openToNetwork
                                                           ? ServerToolBar::Exposure::Classroom
                                                           : ServerToolBar::Exposure::ThisComputer);
    config.echo = saved.echo;
    m_toolBar->setConfig(config);
    m_zoom->setPercent(saved.zoomPercent);
    m_hexAction->setChecked(saved.hexColumn);
    if (!saved.geometry.isEmpty())
        restoreGeometry(saved.geometry);
    if (!saved.state.isEmpty())
        restoreState(saved.state);
}

WindowSettings MainWindow::currentSettings() const
{
    WindowSettings current;
    const ServerConfig config = m_toolBar->config();
    current.protocol = config.protocol;
    current.concurrency = config.concurrency;
    current.port = config.port;
    current.backlog = config.backlog;
    current.openToNetwork = m_toolBar->exposure() == ServerToolBar::Exposure::Classroom;
    current.echo = config.echo;
    current.zoomPercent = m_zoom->percent();
    current.hexColumn = m_hexAction->isChecked();
    // Presentation mode is not remembered: the next start is a normal window.
    if (!isFullScreen())
        current.geometry = saveGeometry();
    current.state = saveState();
    current.language = m_language->language();
    return current;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    currentSettings().write(settings);
    // Closing the window ends the traced program and all it made.
    m_programDock->pane()->kill();
    QMainWindow::closeEvent(event);
}

} // namespace socketlab
