#pragma once

#include <QFont>
#include <QWidget>

class QAction;
class QComboBox;
class QToolButton;

namespace socketlab {

// Zoom (Smaller, the real percentage, Larger) and Present / Exit presentation, in a text size
// of their own that does not zoom: the group keeps its size and its place at the window's top
// right, so a second click on Larger lands on Larger again. The language list is made here too
// (the window puts it with the other switches, where it may move).
class ViewControls : public QWidget
{
    Q_OBJECT

public:
    ViewControls(QAction *zoomOut, QAction *zoomReset, QAction *zoomIn, QAction *presentation,
                 QWidget *parent = nullptr);

    QComboBox *languageCombo() const { return m_language; }
    QToolButton *buttonFor(QAction *action) const;
    // The button of action keeps the width of the widest of texts (each it will show).
    void reserveWidth(QAction *action, const QStringList &texts);
    // Puts the fixed text size back (after a style sheet came or went).
    void keepFixedFont();
    // en or pt_BR, as LanguageManager names them.
    void setLanguage(const QString &language);

signals:
    void languageRequested(const QString &language);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    static QFont fixedFont();

    QList<QToolButton *> m_buttons;
    QComboBox *m_language;
};

} // namespace socketlab
