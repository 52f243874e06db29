#pragma once

#include "core/checkitem.h"
#include "core/checkrun.h"

#include <QCoreApplication>

namespace socketlab {

// The rubric of socketlab-cli check: from what a ProgramCheck saw, one item per point of the
// recipe (and per limit), each pass, fail or n/a with its evidence and, for a failure, what
// to change. Items and their order are fixed per exercise (itemIds()), so a class's CSV has
// the same columns for every student.
class CheckRubric
{
    Q_DECLARE_TR_FUNCTIONS(CheckRubric)

public:
    static CheckItems evaluate(const CheckRun &run);
    static QStringList itemIds(Exercise exercise);
    // The batch's own item for a C file that does not compile (its first error lines).
    static CheckItem compileItem(bool compiled, const QStringList &errors);
    static QString compileItemId() { return QStringLiteral("compiles"); }

private:
    static CheckItems clientItems(const CheckRun &run);
    static CheckItems limitItems(const CheckRun &run);
};

} // namespace socketlab
