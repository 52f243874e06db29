#pragma once

#include <QObject>

class QWidget;

namespace socketlab {

// The window's text size: a zoom level in percent over a base size readable on a projector,
// and a larger step again in presentation mode.
class ZoomController : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMinPercent = 50;
    static constexpr int kMaxPercent = 300;
    static constexpr int kStep = 10;
    static constexpr double kPresentationFactor = 1.25;
    static constexpr double kMinBasePointSize = 11.0;

    explicit ZoomController(QWidget *target);

    int percent() const { return m_percent; }
    bool isPresentation() const { return m_presentation; }
    double pointSize() const;

public slots:
    void setPercent(int percent);
    void zoomIn() { setPercent(m_percent + kStep); }
    void zoomOut() { setPercent(m_percent - kStep); }
    void reset() { setPercent(100); }
    void setPresentation(bool on);

signals:
    void changed(int percent);

private:
    void apply();

    QWidget *m_target;
    double m_basePointSize;
    int m_percent = 100;
    bool m_presentation = false;
};

} // namespace socketlab
