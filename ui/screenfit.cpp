#include "ui/screenfit.h"

#include <QEvent>
#include <QScreen>
#include <QWidget>
#include <QWindow>

namespace socketlab {

ScreenFit::ScreenFit(QWidget *window)
    : QObject(window),
      m_window(window)
{
}

void ScreenFit::apply(QWidget *window, const QSize &wanted)
{
    QSize size = wanted;
    if (const QScreen *screen = window->screen())
        size = size.boundedTo(screen->availableGeometry().size());
    window->resize(size);
    window->installEventFilter(new ScreenFit(window));
}

QRect ScreenFit::fitted(const QRect &geometry, const QMargins &margins, const QRect &available)
{
    if (!available.isValid())
        return geometry;
    QRect frame = geometry.marginsAdded(margins);
    frame.setWidth(qMin(frame.width(), available.width()));
    frame.setHeight(qMin(frame.height(), available.height()));
    if (frame.right() > available.right())
        frame.moveRight(available.right());
    if (frame.bottom() > available.bottom())
        frame.moveBottom(available.bottom());
    if (frame.left() < available.left())
        frame.moveLeft(available.left());
    if (frame.top() < available.top())
        frame.moveTop(available.top());
    return frame.marginsRemoved(margins);
}

bool ScreenFit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window
        && (event->type() == QEvent::Show || event->type() == QEvent::Move
            || event->type() == QEvent::Resize)) {
        fit();
    }
    return QObject::eventFilter(watched, event);
}

void ScreenFit::fit()
{
    QWindow *handle = m_window->windowHandle();
    if (!handle || !m_window->isVisible())
        return;
    if (m_window->windowState()
        & (Qt::WindowMaximized | Qt::WindowFullScreen | Qt::WindowMinimized))
        return;
    const QMargins margins = handle->frameMargins();
    // Without a window manager (or before it framed the window) there is nothing to fit yet.
    if (margins.isNull())
        return;
    const QRect available = m_window->screen() ? m_window->screen()->availableGeometry() : QRect();
    const QRect target = fitted(m_window->geometry(), margins, available);
    // Once framed and fitted, the user (or a saved layout) decides: it is watched no more.
    m_window->removeEventFilter(this);
    deleteLater();
    if (target != m_window->geometry())
        m_window->setGeometry(target);
}

} // namespace socketlab
