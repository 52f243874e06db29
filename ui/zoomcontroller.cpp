#include "ui/zoomcontroller.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QWidget>

#include <algorithm>

namespace socketlab {

ZoomController *ZoomController::instance()
{
    static QPointer<ZoomController> controller;
    if (!controller) {
        controller = new ZoomController;
        controller->setParent(qApp);
    }
    return controller;
}

const QList<int> &ZoomController::steps()
{
    // Five steps up from 100% reach 150%; 175% is the largest at which a 1024x768 window
    // still shows every control and a line of each table.
    static const QList<int> levels = {50, 67, 75, 80, 90, 100, 110, 120, 135, 150, 175};
    return levels;
}

ZoomController::ZoomController()
    : m_basePointSize(qMax(kMinBasePointSize, QApplication::font().pointSizeF()))
{
    apply();
}

void ZoomController::unpinFonts(QWidget *window)
{
    // Guarded: a widget may delete or replace its children when its font changes (and
    // setFont() already sends that event), so a plain list collected first would point at
    // freed widgets by the time it is walked.
    QList<QPointer<QWidget>> widgets;
    widgets << window;
    for (QWidget *child : window->findChildren<QWidget *>())
        widgets << child;
    const bool noSheet = window->styleSheet().isEmpty() && qApp->styleSheet().isEmpty();
    for (const QPointer<QWidget> &widget : std::as_const(widgets)) {
        if (!widget)
            continue;
        // Qt leaves the style-sheet mark on a widget whose sheet is gone, and a marked widget
        // takes no font from its parent any more.
        if (noSheet && widget->styleSheet().isEmpty())
            widget->setAttribute(Qt::WA_StyleSheet, false);
        widget->setFont(QFont());
    }
    // Parents first: a widget that sizes its children's fonts does so from its own again.
    for (const QPointer<QWidget> &widget : std::as_const(widgets)) {
        if (!widget)
            continue;
        QEvent changed(QEvent::FontChange);
        QCoreApplication::sendEvent(widget, &changed);
    }
}

void ZoomController::followFontChanges(QComboBox *box)
{
    box->installEventFilter(instance());
}

bool ZoomController::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FontChange && qobject_cast<QComboBox *>(watched)) {
        // A style change is the one event that makes the box measure itself again.
        QEvent restyled(QEvent::StyleChange);
        QCoreApplication::sendEvent(watched, &restyled);
    }
    return QObject::eventFilter(watched, event);
}

double ZoomController::pointSize() const
{
    return m_basePointSize * m_percent / 100.0;
}

double ZoomController::presentationPointSize() const
{
    // Larger than the zoom, but no larger than a 1024x768 screen still holds every control.
    const double largest = m_basePointSize * kMaxPresentationPercent / 100.0;
    return qMax(pointSize(), qMin(pointSize() * kPresentationFactor, largest));
}

bool ZoomController::isPresenting(const QWidget *window) const
{
    return std::any_of(m_presenting.cbegin(), m_presenting.cend(),
                       [window](const QPointer<QWidget> &w) { return w == window; });
}

void ZoomController::setPercent(int percent)
{
    percent = qBound(steps().constFirst(), percent, steps().constLast());
    if (percent == m_percent)
        return;
    m_percent = percent;
    apply();
    emit changed(m_percent);
}

void ZoomController::zoomIn()
{
    const auto next = std::upper_bound(steps().cbegin(), steps().cend(), m_percent);
    if (next != steps().cend())
        setPercent(*next);
}

void ZoomController::zoomOut()
{
    const auto next = std::lower_bound(steps().cbegin(), steps().cend(), m_percent);
    if (next != steps().cbegin())
        setPercent(*(next - 1));
}

void ZoomController::setPresenting(QWidget *window, bool on)
{
    m_presenting.removeAll(nullptr);
    if (isPresenting(window) == on)
        return;
    if (on)
        m_presenting.append(window);
    else
        m_presenting.removeAll(window);
    apply();
}

void ZoomController::apply()
{
    // Through the application's font, never a window's own: a font set on a widget under a
    // style sheet is remembered by the style sheet and comes back when it is removed, which
    // left windows smaller or larger after presenting. Dialogs follow the same way.
    m_presenting.removeAll(nullptr);
    QFont font = QApplication::font();
    font.setPointSizeF(m_presenting.isEmpty() ? pointSize() : presentationPointSize());
    QApplication::setFont(font);
    // A style sheet pins the font each widget had when it was polished, so under one (the
    // lessons window's, presentation mode's) a new application font would never arrive:
    // polish those windows again with it.
    QList<QPointer<QWidget>> windows;
    for (QWidget *window : QApplication::topLevelWidgets())
        windows << window;
    // Guarded for the same reason as in unpinFonts(): polishing sends events, and a window
    // may close and delete another (or itself) while they are handled.
    for (const QPointer<QWidget> &window : std::as_const(windows)) {
        if (!window)
            continue;
        const QString sheet = window->styleSheet();
        if (sheet.isEmpty())
            continue;
        window->setStyleSheet(QString());
        window->setStyleSheet(sheet);
    }
}

} // namespace socketlab
