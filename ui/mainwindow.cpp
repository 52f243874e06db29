#include "ui/mainwindow.h"

#include "ui/calltracemodel.h"

#include "ui/callsequencewidget.h"
#include "ui/clientpane.h"
#include "ui/clienttabs.h"
#include "ui/connectionsmodel.h"
#include "core/eventformatter.h"
#include "translations/languagemanager.h"
#include "ui/lessons/lessonwindow.h"
#include "ui/logexporter.h"
#include "ui/eventlistmodel.h"
#include "ui/serverpane.h"
#include "ui/servertoolbar.h"
#include "ui/uiresources.h"
#include "ui/windowsettings.h"
#include "ui/zoomcontroller.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

#include <algorithm>

namespace socketlab {

MainWindow::MainWindow(LanguageManager *language, QWidget *parent)
    : QMainWindow(parent),
      m_language(language ? language : new LanguageManager(this)),
      m_toolBar(new ServerToolBar(this)),
      m_viewToolBar(new QToolBar(this)),
      m_serverPane(new ServerPane(this)),
      m_clients(new ClientTabs(&m_session, this)),
      m_sequence(new CallSequenceWidget(this)),
      m_clientsDock(new QDockWidget(this)),
      m_sequenceDock(new QDockWidget(this)),
      m_zoom(nullptr),
      m_modeLabel(new QLabel(this))
{
    initUiResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/socketlab.svg")));
    QFile style(QStringLiteral(":/presentation.qss"));
    if (style.open(QIODevice::ReadOnly))
        m_presentationStyle = QString::fromUtf8(style.readAll());

    addToolBar(Qt::TopToolBarArea, m_toolBar);
    addToolBarBreak(Qt::TopToolBarArea);
    m_viewToolBar->setObjectName(QStringLiteral("viewToolBar"));
    m_viewToolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_viewToolBar->setMovable(false);
    addToolBar(Qt::TopToolBarArea, m_viewToolBar);

    setCentralWidget(m_serverPane);
    m_clientsDock->setObjectName(QStringLiteral("clientsDock"));
    m_clientsDock->setWidget(m_clients);
    m_clientsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, m_clientsDock);
    m_sequenceDock->setObjectName(QStringLiteral("sequenceDock"));
    m_sequenceDock->setWidget(m_sequence);
    m_sequenceDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                                | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::BottomDockWidgetArea, m_sequenceDock);
    m_modeLabel->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_modeLabel);

    m_zoom = new ZoomController(this);
    createActions();
    createMenus();

    connect(&m_session, &LabSession::eventsArrived, this, &MainWindow::sessionEventsArrived);
    connect(&m_session, &LabSession::socketsSampled, m_serverPane, &ServerPane::setSockets);
    m_serverPane->connectionsModel()->setClientIdLookup(
        [this](const QString &peer) { return m_session.clientIdForSocket(peer); });
    connect(m_toolBar, &ServerToolBar::startRequested, this, &MainWindow::startServer);
    connect(m_toolBar, &ServerToolBar::stopRequested, this, &MainWindow::stopServer);
    connect(m_toolBar, &ServerToolBar::protocolChanged, this, &MainWindow::protocolChanged);
    connect(m_language, &LanguageManager::languageChanged, this, &MainWindow::updateLanguageActions);

    m_clients->addClient();
    resize(1024, 768);
    resizeDocks({m_clientsDock}, {310}, Qt::Horizontal);
    resizeDocks({m_sequenceDock}, {200}, Qt::Vertical);
    restoreSettings();
    retranslateUi();
    updateLanguageActions();
}

MainWindow::~MainWindow()
{
    // Nobody is left to show what stopping reports.
    disconnect(&m_session, nullptr, this, nullptr);
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
    m_zoomInAction = make(QStringLiteral("zoomIn"), QStringLiteral("zoom-in"), QKeySequence::ZoomIn);
    m_zoomOutAction = make(QStringLiteral("zoomOut"), QStringLiteral("zoom-out"), QKeySequence::ZoomOut);
    m_zoomResetAction = make(QStringLiteral("zoomReset"), QStringLiteral("zoom-reset"),
                             QKeySequence(Qt::CTRL | Qt::Key_0));
    m_presentationAction = make(QStringLiteral("presentation"), QStringLiteral("presentation"),
                                QKeySequence(Qt::Key_F11));
    m_presentationAction->setCheckable(true);
    m_hexAction = make(QStringLiteral("hexColumn"), QString(), QKeySequence());
    m_hexAction->setCheckable(true);
    m_lessonsAction = make(QStringLiteral("lessons"), QString(), QKeySequence(Qt::CTRL | Qt::Key_G));
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
    m_toolBar->startAction()->setShortcut(QKeySequence(Qt::Key_F5));
    m_toolBar->stopAction()->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));

    connect(m_saveAction, &QAction::triggered, this, &MainWindow::saveLogAs);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::close);
    connect(m_copyAction, &QAction::triggered, this, &MainWindow::copySelectedRows);
    connect(m_clearAction, &QAction::triggered, this, &MainWindow::clearLog);
    connect(m_addClientAction, &QAction::triggered, m_clients, &ClientTabs::addClient);
    connect(m_zoomInAction, &QAction::triggered, m_zoom, &ZoomController::zoomIn);
    connect(m_zoomOutAction, &QAction::triggered, m_zoom, &ZoomController::zoomOut);
    connect(m_zoomResetAction, &QAction::triggered, m_zoom, &ZoomController::reset);
    connect(m_presentationAction, &QAction::toggled, this, &MainWindow::setPresentationMode);
    connect(m_hexAction, &QAction::toggled, m_serverPane, &ServerPane::setHexVisible);
    connect(m_lessonsAction, &QAction::triggered, this, &MainWindow::showLessons);
    connect(m_languageGroup, &QActionGroup::triggered, this,
            [this](QAction *action) { setLanguage(action->data().toString()); });

    m_viewToolBar->addAction(m_addClientAction);
    m_viewToolBar->addSeparator();
    m_viewToolBar->addAction(m_saveAction);
    m_viewToolBar->addAction(m_clearAction);
    m_viewToolBar->addSeparator();
    m_viewToolBar->addAction(m_zoomOutAction);
    m_viewToolBar->addAction(m_zoomResetAction);
    m_viewToolBar->addAction(m_zoomInAction);
    m_viewToolBar->addAction(m_presentationAction);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_saveAction);
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
    m_viewMenu->addAction(m_sequenceDock->toggleViewAction());
    m_lessonsMenu = menuBar()->addMenu(QString());
    m_lessonsMenu->addAction(m_lessonsAction);
    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->addAction(m_englishAction);
    m_languageMenu->addAction(m_portugueseAction);
}

void MainWindow::showLessons()
{
    // One lessons window, kept while it is open; it runs its own server and clients.
    if (!m_lessons) {
        m_lessons = new LessonWindow(this);
        m_lessons->setAttribute(Qt::WA_DeleteOnClose);
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
    m_viewToolBar->setWindowTitle(tr("View"));
    m_clientsDock->setWindowTitle(tr("Clients"));
    m_sequenceDock->setWindowTitle(tr("Call sequence"));
    m_fileMenu->setTitle(tr("&File"));
    m_editMenu->setTitle(tr("&Edit"));
    m_viewMenu->setTitle(tr("&View"));
    m_lessonsMenu->setTitle(tr("Lesso&ns"));
    m_lessonsAction->setText(tr("&Guided lessons..."));
    m_lessonsAction->setToolTip(tr("Step-by-step classroom demos with a sequence diagram and the server's processes"));
    m_languageMenu->setTitle(tr("&Language"));
    m_saveAction->setText(tr("&Save log..."));
    m_saveAction->setIconText(tr("Save log"));
    m_quitAction->setText(tr("&Quit"));
    m_copyAction->setText(tr("&Copy selected rows"));
    m_clearAction->setText(tr("C&lear log"));
    m_clearAction->setIconText(tr("Clear"));
    m_addClientAction->setText(tr("&Add client"));
    m_zoomInAction->setText(tr("Zoom &in"));
    m_zoomInAction->setIconText(tr("Larger"));
    m_zoomOutAction->setText(tr("Zoom &out"));
    m_zoomOutAction->setIconText(tr("Smaller"));
    m_zoomResetAction->setText(tr("&Reset zoom"));
    m_zoomResetAction->setIconText(tr("100%"));
    m_presentationAction->setText(tr("&Presentation mode"));
    m_presentationAction->setIconText(tr("Present"));
    m_presentationAction->setToolTip(tr("Full screen, large text, high contrast (F11)"));
    m_hexAction->setText(tr("Show &hex column"));
    updateModeLabel();
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
        statusBar()->showMessage(server->errorString());
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
    m_session.server()->stop();
    m_toolBar->setRunning(false);
    m_serverPane->setEndpoint(QString(), 0);
    m_serverPane->setTotals(m_session.server()->totals());
}

void MainWindow::sessionEventsArrived(const SocketEvents &events)
{
    SocketEvents serverEvents;
    for (const SocketEvent &event : events) {
        if (event.role == Role::Server)
            serverEvents.append(event);
    }
    m_clients->appendEvents(events);
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
    return LogExporter::render(m_serverPane->logModel(), LogExporter::Format::Text, rows,
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
    return LogExporter::write(m_serverPane->logModel(), path, LogExporter::formatForPath(path),
                              visibleLogColumns(), error);
}

void MainWindow::saveLogAs()
{
    QString selectedFilter;
    const QString csv = tr("CSV files (*.csv)");
    const QString text = tr("Text files (*.txt)");
    QString path = QFileDialog::getSaveFileName(this, tr("Save log"), QStringLiteral("socketlab-log.csv"),
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
    m_zoom->setPresentation(on);
    setStyleSheet(on ? m_presentationStyle : QString());
    // Every row counts on a 1024x768 projector; zoom and exit stay on their keys and menus.
    m_viewToolBar->setVisible(!on);
    m_serverPane->setCompact(on);
    m_sequence->traceView()->setColumnHidden(CallTraceModel::TimeColumn, on);
    if (on)
        showFullScreen();
    else
        showNormal();
}

void MainWindow::restoreSettings()
{
    WindowSettings::restore(this);
}

void MainWindow::saveSettings() const
{
    WindowSettings::save(this, m_language);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace socketlab
