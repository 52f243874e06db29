#include "lessons/lessoncatalog.h"

#include "lessons/lessons.h"

namespace socketlab {

namespace {
using Builder = LessonScript (*)();

constexpr Builder kBuilders[] = {
    udpLesson,          tcpBasicsLesson,  iterativeLesson, forkLesson,
    sharedMemoryLesson, boundariesLesson, refusedLesson,   addressInUseLesson,
    pollLesson,         closingLesson,    nagleLesson,     flowControlLesson,
};
} // namespace

int LessonCatalog::count()
{
    return int(std::size(kBuilders));
}

LessonScript LessonCatalog::build(int index)
{
    return index >= 0 && index < count() ? kBuilders[index]() : LessonScript();
}

std::vector<LessonScript> LessonCatalog::create()
{
    std::vector<LessonScript> lessons;
    for (int i = 0; i < count(); ++i)
        lessons.push_back(build(i));
    return lessons;
}

} // namespace socketlab
