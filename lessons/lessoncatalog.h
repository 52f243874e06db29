#pragma once

#include "lessons/lessonscript.h"

#include <vector>

namespace socketlab {

// The lessons of the course, in teaching order.
class LessonCatalog
{
public:
    static int count();
    // A fresh build of lesson index (texts translated now, facts new), or an empty script.
    static LessonScript build(int index);
    static std::vector<LessonScript> create();
};

} // namespace socketlab
