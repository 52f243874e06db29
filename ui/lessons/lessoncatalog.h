#pragma once

#include "ui/lessons/lesson.h"

#include <memory>
#include <vector>

namespace socketlab {

// The lessons of the course, in teaching order.
class LessonCatalog
{
public:
    static std::vector<std::unique_ptr<Lesson>> create();
};

} // namespace socketlab
