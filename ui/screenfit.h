#pragma once

#include <QMargins>
#include <QObject>
#include <QRect>
#include <QSize>

class QWidget;

namespace socketlab {

// Keeps a top-level window, title bar and frame included, inside its screen's available
// area (without the panels). The window manager adds the frame after the window is shown,
// so the window is fitted again once its frame margins are known.
class ScreenFit : public QObject
{
    Q_OBJECT

public:
    // Sizes window to wanted, or less where its screen is smaller, and watches it until its
    // frame is known. The ScreenFit belongs to the window.
    static void apply(QWidget *window, const QSize &wanted);

    // The window's geometry (client area) that keeps frame (the client area's rectangle
    // widened by margins) inside available: moved in first, then made smaller if it must.
    static QRect fitted(const QRect &geometry, const QMargins &margins, const QRect &available);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit ScreenFit(QWidget *window);
    void fit();

    QWidget *m_window;
};

} // namespace socketlab
