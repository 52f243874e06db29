#include "ui/classroombanner.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace socketlab {

namespace {
// Twice the text size: the commands are read from the back of the room.
constexpr double kCommandScale = 2.0;
}

ClassroomBanner::ClassroomBanner(QWidget *parent)
    : QDialog(parent),
      m_title(new QLabel(this)),
      m_hint(new QLabel(this)),
      m_rows(new QGridLayout)
{
    setObjectName(QStringLiteral("classroomBanner"));
    m_title->setTextFormat(Qt::PlainText);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(m_rows);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);
    retranslateUi();
}

QString ClassroomBanner::ncCommand(const QString &address, quint16 port, bool udp)
{
    return udp ? QStringLiteral("nc -u %1 %2").arg(address).arg(port)
               : QStringLiteral("nc %1 %2").arg(address).arg(port);
}

void ClassroomBanner::setServer(const QStringList &addresses, quint16 port, bool udp)
{
    m_commands.clear();
    for (const QString &address : addresses)
        m_commands << ncCommand(address, port, udp);
    rebuild();
}

void ClassroomBanner::rebuild()
{
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    QFont large = font();
    large.setPointSizeF(large.pointSizeF() * kCommandScale);
    large.setFamily(QStringLiteral("monospace"));
    large.setStyleHint(QFont::TypeWriter);
    int row = 0;
    for (const QString &command : std::as_const(m_commands)) {
        auto *text = new QLabel(command, this);
        text->setTextFormat(Qt::PlainText);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        text->setFont(large);
        auto *copy = new QPushButton(tr("Copy"), this);
        copy->setToolTip(tr("Copies “%1” to the clipboard").arg(command));
        connect(copy, &QPushButton::clicked, this,
                [command] { QApplication::clipboard()->setText(command); });
        m_rows->addWidget(text, row, 0);
        m_rows->addWidget(copy, row, 1);
        ++row;
    }
    if (m_commands.isEmpty()) {
        auto *none = new QLabel(tr("This computer has no network address right now."), this);
        none->setTextFormat(Qt::PlainText);
        m_rows->addWidget(none, 0, 0);
    }
    adjustSize();
}

void ClassroomBanner::retranslateUi()
{
    setWindowTitle(tr("How to connect"));
    m_title->setText(tr("From your computer, in a terminal:"));
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_hint->setText(tr("Any program that speaks plain sockets works too: a Python script, a "
                       "second SocketLab. Type a line and press Enter to send it."));
}

void ClassroomBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        rebuild();
    } else if (event->type() == QEvent::FontChange) {
        retranslateUi();
        rebuild();
    }
    QDialog::changeEvent(event);
}

} // namespace socketlab
