#pragma once

#include "core/labsession.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;

namespace socketlab {

class CallSequenceWidget;
class CheckDialog;
class ClassView;
class ClientPanes;
class LanguageManager;
class LessonWindow;
class ProgramDock;
class ServerPane;
class ServerToolBar;
class ViewControls;
class WireDock;
class ZoomController;
struct WindowSettings;

// SocketLab's window: the server's switches on top (wrapping into rows, never an overflow
// menu), the server pane in the middle, and below it the clients side by side, with the
// recipe's call sequence as a tab beside them. Laid out for a 1024x768 projector.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // language may be null (tests): the window then keeps its own manager.
    explicit MainWindow(LanguageManager *language = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The lab the window shows (bench/guiflood and the tests drive it). Tests find
    // the window's other parts by object name.
    LabSession *session() { return &m_session; }
    ServerToolBar *serverToolBar() const { return m_toolBar; }
    ServerPane *serverPane() const { return m_serverPane; }
    ClientPanes *clientPanes() const { return m_clients; }
    ZoomController *zoom() const { return m_zoom; }

    bool saveLog(const QString &path, QString *error = nullptr);
    QString selectedRowsText() const;

public slots:
    bool startServer();
    void stopServer();
    void clearLog();
    void copySelectedRows();
    void saveLogAs();
    void setPresentationMode(bool on);
    void showLessons();
    LessonWindow *lessonWindow() const;
    void setLanguage(const QString &language);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    bool isPresenting() const;
    void createActions();
    void createMenus();
    // Fixed texts only; the mode label follows the server in updateModeLabel().
    void retranslateUi();
    void updateModeLabel();
    void applySettings(const WindowSettings &saved);
    WindowSettings currentSettings() const;
    void sessionEventsArrived(const SocketEvents &events);
    void protocolChanged(Protocol protocol);
    void updateLanguageActions();
    void updateZoomTexts();
    void fitClientsDock();
    // Students came or left: the Class tab comes to the front with its first student and
    // gets the height the class needs (the server's tables keep four rows each).
    void classChanged();
    void fitClassDock();
    QList<int> visibleLogColumns() const;

    // Before the widgets: the panes' clients live in it.
    LabSession m_session;
    LanguageManager *m_language;
    ServerToolBar *m_toolBar;
    ViewControls *m_viewControls = nullptr;
    ServerPane *m_serverPane;
    ClientPanes *m_clients;
    CallSequenceWidget *m_sequence;
    QDockWidget *m_clientsDock;
    QDockWidget *m_sequenceDock;
    ClassView *m_classView;
    QDockWidget *m_classDock;
    int m_studentsShown = 0;
    ProgramDock *m_programDock;
    WireDock *m_wireDock = nullptr;
    ZoomController *m_zoom;
    QLabel *m_modeLabel;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_lessonsMenu = nullptr;
    QAction *m_lessonsAction = nullptr;
    QAction *m_checkAction = nullptr; // "Check a program…", made on first use
    CheckDialog *m_checkDialog = nullptr;
    QPointer<LessonWindow> m_lessons;
    QAction *m_saveAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_clearAction = nullptr;
    QAction *m_addClientAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_zoomResetAction = nullptr;
    QAction *m_presentationAction = nullptr;
    QAction *m_hexAction = nullptr;
    QAction *m_englishAction = nullptr;
    QAction *m_portugueseAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QString m_presentationStyle;
    // What leaving presentation mode puts back exactly.
    struct Saved
    {
        QRect geometry;
        QByteArray state;
        Qt::WindowStates windowState;
        int zoom = 0;
    } m_beforePresentation;
};

} // namespace socketlab
