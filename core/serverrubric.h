#pragma once

#include "core/checkitem.h"
#include "core/checkrun.h"

#include <QCoreApplication>

namespace socketlab {

class RubricTrace;

// The server half of CheckRubric: the recipe's server sequence, what it prints, how it
// reads, closes and goes back to accept, survives a reset and, for the concurrent servers,
// fork's and thread's own points (ConcurrentRubric).
class ServerRubric
{
    Q_DECLARE_TR_FUNCTIONS(ServerRubric)

public:
    static QStringList itemIds(Exercise exercise);
    static CheckItems evaluate(const CheckRun &run);

private:
    static CheckItem sequence(const RubricTrace &trace);
    static CheckItem port(const RubricTrace &trace);
    static CheckItems printing(const RubricTrace &trace);
    static CheckItems reading(const RubricTrace &trace);
    static CheckItems lifecycle(const RubricTrace &trace);
};

} // namespace socketlab
