#include "ui/classroombanner.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontMetricsF>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

#include <algorithm>

namespace socketlab {

namespace {
// The share of the width the first command may take (the rest: its Copy button, margins).
constexpr double kCommandWidthShare = 0.8;
// The other addresses: half the first one's size, so the first reads as "the" address.
constexpr double kOtherScale = 0.5;

QFont monospace(const QFont &base)
{
    QFont font = base;
    font.setFamily(QStringLiteral("monospace"));
    font.setStyleHint(QFont::TypeWriter);
    return font;
}

// The largest pixel size at which text fits width (at most maxPixels, at least minPixels).
int fittingPixelSize(const QFont &font, const QString &text, double width, int minPixels,
                     int maxPixels)
{
    QFont probe = font;
    probe.setPixelSize(100);
    const double advance = QFontMetricsF(probe).horizontalAdvance(text);
    if (advance <= 0)
        return maxPixels;
    return qBound(minPixels, int(100 * width / advance), qMax(minPixels, maxPixels));
}
} // namespace

ClassroomBanner::ClassroomBanner(QWidget *parent)
    : QDialog(parent),
      m_title(new QLabel(this)),
      m_othersTitle(new QLabel(this)),
      m_hint(new QLabel(this)),
      m_rows(new QGridLayout)
{
    setObjectName(QStringLiteral("classroomBanner"));
    for (QLabel *label : {m_title, m_othersTitle, m_hint}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
    }
    m_othersTitle->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(m_rows);
    layout->addStretch(1);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);
    retranslateUi();
    rebuild();
}

QString ClassroomBanner::ncCommand(const QString &address, quint16 port, bool udp)
{
    return udp ? QStringLiteral("nc -u %1 %2").arg(address).arg(port)
               : QStringLiteral("nc %1 %2").arg(address).arg(port);
}

void ClassroomBanner::setServer(const QStringList &addresses, quint16 port, bool udp)
{
    QStringList commands;
    for (const QString &address : addresses)
        commands << ncCommand(address, port, udp);
    if (commands == m_commands)
        return;
    m_commands = commands;
    rebuild();
}

void ClassroomBanner::present()
{
    if (parentWidget() && parentWidget()->screen())
        setScreen(parentWidget()->screen());
    showFullScreen();
    raise();
    activateWindow();
}

void ClassroomBanner::rebuild()
{
    // Only when the addresses change, never from an event handler (see updateFonts()).
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_commandLabels.clear();
    m_copyButtons.clear();
    m_none = nullptr;
    int row = 0;
    for (const QString &command : std::as_const(m_commands)) {
        auto *text = new QLabel(command, this);
        text->setTextFormat(Qt::PlainText);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *copy = new QPushButton(this);
        connect(copy, &QPushButton::clicked, this,
                [command] { QApplication::clipboard()->setText(command); });
        if (row == 1)
            m_rows->addWidget(m_othersTitle, row++, 0, 1, 2);
        m_rows->addWidget(text, row, 0);
        m_rows->addWidget(copy, row, 1, Qt::AlignVCenter);
        ++row;
        m_commandLabels << text;
        m_copyButtons << copy;
    }
    m_othersTitle->setVisible(m_commands.size() > 1);
    if (m_commands.isEmpty()) {
        m_none = new QLabel(this);
        m_none->setTextFormat(Qt::PlainText);
        m_none->setWordWrap(true);
        m_rows->addWidget(m_none, 0, 0);
    }
    retranslateUi();
    updateFonts();
}

void ClassroomBanner::retranslateUi()
{
    setWindowTitle(tr("How to connect"));
    m_title->setText(tr("From your computer, in a terminal:"));
    m_othersTitle->setText(tr("Or, from another network, one of this computer's other addresses:"));
    m_hint->setText(tr("Any program that speaks plain sockets works too: a Python script, a "
                       "second SocketLab. Type a line and press Enter to send it. Esc closes "
                       "this window."));
    for (int i = 0; i < m_copyButtons.size(); ++i) {
        m_copyButtons.at(i)->setText(tr("Copy"));
        m_copyButtons.at(i)->setToolTip(
            tr("Copies “%1” to the clipboard").arg(m_commands.value(i)));
    }
    if (m_none)
        m_none->setText(tr("This computer has no network address right now."));
}

void ClassroomBanner::updateFonts()
{
    const QFont base = font();
    const double basePixels = QFontInfo(base).pixelSize();
    // From the screen, not from this window's size: the texts' sizes set the window's least
    // size, and sizing them from it would make each feed the other.
    const QRect screen = this->screen() ? this->screen()->geometry() : QRect(0, 0, 1024, 768);
    const double width = screen.width() * kCommandWidthShare;
    // A few rows of text and the buttons share the height with the first command.
    const int tallest = qMax(int(basePixels), screen.height() / 6);
    if (!m_commandLabels.isEmpty()) {
        QFont first = monospace(base);
        first.setPixelSize(
            fittingPixelSize(first, m_commands.constFirst(), width, int(basePixels), tallest));
        m_commandLabels.constFirst()->setFont(first);
        QString longestOther;
        for (int i = 1; i < m_commands.size(); ++i) {
            if (m_commands.at(i).size() > longestOther.size())
                longestOther = m_commands.at(i);
        }
        QFont other = monospace(base);
        // Every other address still fits below the first on the screen.
        const int others = qMax(1, int(m_commands.size()) - 1);
        const int room = int(screen.height() * 0.4 / (1.4 * others));
        other.setPixelSize(fittingPixelSize(
            other, longestOther, width, int(basePixels),
            qMin(room, qMax(int(basePixels), int(first.pixelSize() * kOtherScale)))));
        for (int i = 1; i < m_commandLabels.size(); ++i)
            m_commandLabels.at(i)->setFont(other);
    }
    QFont titleFont = base;
    titleFont.setPixelSize(qMax(int(basePixels * 1.4), tallest / 3));
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    QFont othersFont = base;
    othersFont.setPixelSize(qMax(int(basePixels), tallest / 4));
    m_othersTitle->setFont(othersFont);
    m_hint->setFont(othersFont);
    if (m_none)
        m_none->setFont(titleFont);
}

void ClassroomBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::FontChange)
        updateFonts();
    QDialog::changeEvent(event);
}

void ClassroomBanner::showEvent(QShowEvent *event)
{
    updateFonts();
    QDialog::showEvent(event);
}

} // namespace socketlab
