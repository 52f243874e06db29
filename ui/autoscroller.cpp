#include "ui/autoscroller.h"

#include <QAbstractItemView>
#include <QScrollBar>

namespace socketlab {

AutoScroller::AutoScroller(QAbstractItemView *view)
    : QObject(view),
      m_view(view)
{
    QScrollBar *bar = view->verticalScrollBar();
    connect(bar, &QScrollBar::rangeChanged, this, &AutoScroller::rangeChanged);
    connect(bar, &QScrollBar::valueChanged, this, &AutoScroller::valueChanged);
}

void AutoScroller::follow()
{
    setFollowing(true);
    QScrollBar *bar = m_view->verticalScrollBar();
    m_adjusting = true;
    bar->setValue(bar->maximum());
    m_adjusting = false;
}

void AutoScroller::rangeChanged(int, int max)
{
    if (!m_following)
        return;
    m_adjusting = true;
    m_view->verticalScrollBar()->setValue(max);
    m_adjusting = false;
}

void AutoScroller::valueChanged(int value)
{
    if (m_adjusting)
        return;
    setFollowing(value >= m_view->verticalScrollBar()->maximum());
}

void AutoScroller::setFollowing(bool following)
{
    if (m_following == following)
        return;
    m_following = following;
    emit followingChanged(following);
}

} // namespace socketlab
