#pragma once

#include <QListView>

namespace socketlab {

class ClassModel;
class ClassTileDelegate;

// Every student at once: the ClassModel's students as tiles in rows, left to right by number.
// The tiles take the largest of a few text sizes at which the whole class fits the view (a
// class of forty fits 1024x768 at 100% zoom); the number of columns is never a multiple of
// the student hues, so the tiles above and below a student never share its colour.
class ClassView : public QListView
{
    Q_OBJECT

public:
    // From the view's own text size down to the smallest a tile uses.
    static constexpr double kScales[] = {1.0, 0.9, 0.8, 0.75};

    explicit ClassView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    // The height that shows all students at width (at the smallest text size).
    int heightForStudents(int width, int students) const;
    int columns() const { return m_columns; }
    double tileScale() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    // The viewport's own resizes too (a scroll bar coming or going).
    bool viewportEvent(QEvent *event) override;

private:
    void updateGrid();
    int columnsFor(int width, int tileWidth) const;

    ClassTileDelegate *m_delegate;
    int m_columns = 1;
    bool m_updating = false;
};

} // namespace socketlab
