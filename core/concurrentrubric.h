#pragma once

#include "core/checkitem.h"

#include <QCoreApplication>

namespace socketlab {

class RubricTrace;

// The concurrent servers' own points of the rubric (ServerRubric asks them): fork's (the
// child closes the listener, the parent its copy of the connection, children are reaped) and
// thread's (one thread per connection, and they end).
class ConcurrentRubric
{
    Q_DECLARE_TR_FUNCTIONS(ConcurrentRubric)

public:
    static CheckItems forking(const RubricTrace &trace);
    static CheckItems threading(const RubricTrace &trace);
};

} // namespace socketlab
