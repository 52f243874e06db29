#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QComboBox;
class QWidget;

namespace socketlab {

// The text size of every window of the program (main window, lessons, dialogs): one zoom
// level in percent over a base readable on a projector, applied as the application's font so
// every window and dialog follows it. While a window presents, a larger step again on top.
class ZoomController : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultPercent = 100;
    static constexpr double kPresentationFactor = 1.25;
    static constexpr double kMinBasePointSize = 11.0;
    static constexpr int kMaxPresentationPercent = 175;

    // The one controller of this process (made on first use, owned by the application).
    static ZoomController *instance();
    // The levels Larger and Smaller step through, smallest first.
    static const QList<int> &steps();

    // After a style sheet was removed from window: each widget the style sheet polished keeps
    // the font it had then, pinned, and would no longer follow the zoom. Gives every widget
    // back the inherited font and lets each set its own (bold titles...) again.
    static void unpinFonts(QWidget *window);

    // Qt's combo box drops its cached size hint on a font change but keeps its cached least
    // size (only a style change drops that), so after zooming back or leaving presentation
    // mode it stayed as wide as at the larger size and moved what follows it.
    static void followFontChanges(QComboBox *box);

    int percent() const { return m_percent; }
    double pointSize() const;
    double presentationPointSize() const;
    bool isPresenting(const QWidget *window) const;
    bool canZoomIn() const { return m_percent < steps().constLast(); }
    bool canZoomOut() const { return m_percent > steps().constFirst(); }

public slots:
    void setPercent(int percent);
    void zoomIn();
    void zoomOut();
    void reset() { setPercent(kDefaultPercent); }
    // While any window presents, every text takes the presentation size.
    void setPresenting(QWidget *window, bool on);

signals:
    void changed(int percent);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    ZoomController();
    void apply();

    double m_basePointSize;
    int m_percent = kDefaultPercent;
    QList<QPointer<QWidget>> m_presenting;
};

} // namespace socketlab
