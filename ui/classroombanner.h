#pragma once

#include <QDialog>
#include <QStringList>

class QGridLayout;
class QLabel;

namespace socketlab {

// "How to connect", large enough to read from the back of the room: for each of this
// machine's classroom addresses the nc command that reaches the server, selectable and with
// its own Copy button. Follows the application's zoom (its texts are sized from the font).
class ClassroomBanner : public QDialog
{
    Q_OBJECT

public:
    explicit ClassroomBanner(QWidget *parent = nullptr);

    // The commands shown: `nc ADDRESS PORT` (TCP) or `nc -u ADDRESS PORT` (UDP) per address.
    void setServer(const QStringList &addresses, quint16 port, bool udp);
    QStringList commands() const { return m_commands; }

    // The command that reaches address:port (an IPv6 address as nc takes it, without brackets).
    static QString ncCommand(const QString &address, quint16 port, bool udp);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void rebuild();

    QLabel *m_title;
    QLabel *m_hint;
    QGridLayout *m_rows;
    QStringList m_commands;
};

} // namespace socketlab
