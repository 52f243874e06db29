#include "ui/zoomcontroller.h"

#include <QApplication>
#include <QWidget>

namespace socketlab {

ZoomController::ZoomController(QWidget *target)
    : QObject(target),
      m_target(target),
      m_basePointSize(qMax(kMinBasePointSize, QApplication::font().pointSizeF()))
{
    apply();
}

double ZoomController::pointSize() const
{
    return m_basePointSize * m_percent / 100.0 * (m_presentation ? kPresentationFactor : 1.0);
}

void ZoomController::setPercent(int percent)
{
    percent = qBound(kMinPercent, percent, kMaxPercent);
    if (percent == m_percent)
        return;
    m_percent = percent;
    apply();
    emit changed(m_percent);
}

void ZoomController::setPresentation(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    apply();
}

void ZoomController::apply()
{
    QFont font = m_target->font();
    font.setPointSizeF(pointSize());
    m_target->setFont(font);
}

} // namespace socketlab
