#pragma once

#include <QDialog>
#include <QList>
#include <QStringList>

class QGridLayout;
class QLabel;
class QPushButton;

namespace socketlab {

// "How to connect", made to be read from the back of the room: it fills the screen, the
// nc command of this machine's first classroom address as large as the width allows, the
// other addresses below it, each selectable and with its own Copy button.
class ClassroomBanner : public QDialog
{
    Q_OBJECT

public:
    // The first command is never drawn smaller than this on a screen of 1024x768 or more.
    static constexpr int kMinCommandPixels = 48;

    explicit ClassroomBanner(QWidget *parent = nullptr);

    // The commands shown: `nc ADDRESS PORT` (TCP) or `nc -u ADDRESS PORT` (UDP) per address.
    void setServer(const QStringList &addresses, quint16 port, bool udp);
    QStringList commands() const { return m_commands; }
    // Full screen, on the screen of the window that asked for it.
    void present();

    // The command that reaches address:port (an IPv6 address as nc takes it, without brackets).
    static QString ncCommand(const QString &address, quint16 port, bool udp);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslateUi();
    void rebuild();
    // Sizes the texts from the room the window has; never adds or removes a widget, since
    // it runs while font changes are being delivered to the widgets it would replace.
    void updateFonts();

    QLabel *m_title;
    QLabel *m_othersTitle;
    QLabel *m_hint;
    QGridLayout *m_rows;
    QList<QLabel *> m_commandLabels;
    QList<QPushButton *> m_copyButtons;
    QLabel *m_none = nullptr;
    QStringList m_commands;
};

} // namespace socketlab
