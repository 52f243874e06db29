#pragma once

#include "lessons/lessoncontroller.h"

#include <QMainWindow>

class QAction;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QSplitter;
class QTabWidget;

namespace socketlab {

class CodeView;
class EventLogView;
class KernelView;
class ProcessView;
class SequenceDiagramWidget;

// The guided lessons in a window of their own: lesson list, numbered steps with Back, Next
// and Restart, what each step shows and where to look, a live sequence diagram, the server's
// processes and threads, the event log and the equivalent C and Python calls. It owns its own
// server and scripted clients, so it needs nothing from the main window:
//     (new socketlab::LessonWindow(parent))->show();
class LessonWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit LessonWindow(QWidget *parent = nullptr);
    ~LessonWindow() override;

    LessonController *controller() { return &m_controller; }
    SequenceDiagramWidget *diagram() const { return m_diagram; }
    void openLesson(int index);

public slots:
    void exportPng();
    void exportSvg();
    // Full screen with the presentation text size (F11, Esc leaves); leaving restores the
    // window's geometry. The text size comes from whoever listens (the main window's zoom).
    void setPresentationMode(bool on);

signals:
    void presentationModeChanged(bool on);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void updateFonts();
    void retranslateUi();
    void showLesson();
    void showStep();
    void showSwitch();
    void fitCodePane();
    // Scrolls the diagram sideways to the lanes the current step uses.
    void followStepLanes();
    void updatePendingConnects();
    void eventsArrived(const SocketEvents &events);
    void cleared();
    void markObserved(ObserveTarget target);

    LessonController m_controller;
    bool m_closed = false;
    bool m_presenting = false;
    bool m_showsQueues = false; // the left column is split for the queue plot
    int m_stepFirstRow = 0; // the diagram's first row of the current step
    QRect m_normalGeometry;
    Qt::WindowStates m_normalState;
    QAction *m_presentation = nullptr;
    QPushButton *m_exitPresentation = nullptr;
    QComboBox *m_lessons = nullptr;
    QCheckBox *m_switch = nullptr;
    QLabel *m_lessonLabel = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_restart = nullptr;
    QLabel *m_stepTitle = nullptr;
    QLabel *m_explanation = nullptr;
    QLabel *m_observe = nullptr;
    QLabel *m_outcome = nullptr;
    QGroupBox *m_diagramBox = nullptr;
    QPushButton *m_exportPng = nullptr;
    QPushButton *m_exportSvg = nullptr;
    QScrollArea *m_diagramScroll = nullptr;
    SequenceDiagramWidget *m_diagram = nullptr;
    QGroupBox *m_detailsBox = nullptr;
    QTabWidget *m_details = nullptr;
    QSplitter *m_left = nullptr;
    QSplitter *m_columns = nullptr;
    ProcessView *m_processes = nullptr;
    KernelView *m_kernel = nullptr;
    EventLogView *m_log = nullptr;
    QGroupBox *m_codeBox = nullptr;
    CodeView *m_code = nullptr;
};

} // namespace socketlab
