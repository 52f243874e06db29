#pragma once

#include <QObject>

class QAbstractItemView;

namespace socketlab {

// Keeps a view at its newest (bottom) row while the user is there; scrolling up pauses it,
// scrolling back to the bottom resumes it.
class AutoScroller : public QObject
{
    Q_OBJECT

public:
    explicit AutoScroller(QAbstractItemView *view);

    bool isFollowing() const { return m_following; }

public slots:
    void follow();

signals:
    void followingChanged(bool following);

private:
    void rangeChanged(int min, int max);
    void valueChanged(int value);
    void setFollowing(bool following);

    QAbstractItemView *m_view;
    bool m_following = true;
    bool m_adjusting = false;
};

} // namespace socketlab
