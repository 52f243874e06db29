#include "ui/viewcontrols.h"

#include "ui/zoomcontroller.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QToolButton>

namespace socketlab {

ViewControls::ViewControls(QAction *zoomOut, QAction *zoomReset, QAction *zoomIn,
                           QAction *presentation, QWidget *parent)
    : QWidget(parent),
      m_language(new QComboBox(this))
{
    setObjectName(QStringLiteral("viewControls"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    for (QAction *action : {zoomOut, zoomReset, zoomIn, presentation}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(action == zoomReset ? Qt::ToolButtonTextOnly
                                                       : Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(action != presentation);
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        layout->addWidget(button);
        m_buttons << button;
    }
    m_language->setObjectName(QStringLiteral("languageCombo"));
    // Language names are written in their own language, so nobody is stuck in the wrong one.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Português (Brasil)"), QStringLiteral("pt_BR"));
    m_language->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_language->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    layout->insertWidget(0, m_language);
    layout->insertSpacing(1, 6);
    keepFixedFont();
    connect(m_language, &QComboBox::activated, this,
            [this](int index) { emit languageRequested(m_language->itemData(index).toString()); });
    retranslateUi();
}

QToolButton *ViewControls::buttonFor(QAction *action) const
{
    for (QToolButton *button : m_buttons) {
        if (button->defaultAction() == action)
            return button;
    }
    return nullptr;
}

void ViewControls::setLanguage(const QString &language)
{
    const int index = m_language->findData(language);
    m_language->setCurrentIndex(index < 0 ? 0 : index);
}

QFont ViewControls::fixedFont()
{
    QFont fixed = QApplication::font();
    fixed.setPointSizeF(ZoomController::kMinBasePointSize);
    return fixed;
}

void ViewControls::keepFixedFont()
{
    // Its own, fixed text size, set on each button (a style sheet above may repolish the group):
    // zooming must not move these buttons under the pointer.
    const QFont fixed = fixedFont();
    for (QToolButton *button : std::as_const(m_buttons)) {
        if (button->font() != fixed)
            button->setFont(fixed);
    }
    if (m_language->font() != fixed)
        m_language->setFont(fixed);
    // The longest name whole, with room for the arrow and a presentation style's padding
    // (its size hint does not count the style sheet's padding).
    const QFontMetrics metrics(fixed);
    int text = 0;
    for (int i = 0; i < m_language->count(); ++i)
        text = qMax(text, metrics.horizontalAdvance(m_language->itemText(i)));
    m_language->setFixedWidth(qMax(m_language->sizeHint().width(), text + 48));
}

void ViewControls::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::FontChange)
        keepFixedFont();
    QWidget::changeEvent(event);
}

void ViewControls::retranslateUi()
{
    m_language->setToolTip(tr("Language of the window"));
}

void ViewControls::reserveWidth(QAction *action, const QStringList &texts)
{
    QToolButton *button = buttonFor(action);
    if (!button)
        return;
    const QFontMetrics metrics(fixedFont());
    int text = 0;
    for (const QString &t : texts)
        text = qMax(text, metrics.horizontalAdvance(t));
    const bool icon
        = button->toolButtonStyle() != Qt::ToolButtonTextOnly && !action->icon().isNull();
    // Room for a presentation style's border and padding too.
    button->setFixedWidth(text + (icon ? button->iconSize().width() + 6 : 0) + 24);
}

} // namespace socketlab
