#include "ui/lessons/lessoncatalog.h"

#include "ui/lessons/addressinuselesson.h"
#include "ui/lessons/boundarieslesson.h"
#include "ui/lessons/forklesson.h"
#include "ui/lessons/iterativelesson.h"
#include "ui/lessons/refusedlesson.h"
#include "ui/lessons/sharedmemorylesson.h"
#include "ui/lessons/tcpbasicslesson.h"
#include "ui/lessons/udplesson.h"

namespace socketlab {

std::vector<std::unique_ptr<Lesson>> LessonCatalog::create()
{
    std::vector<std::unique_ptr<Lesson>> lessons;
    lessons.push_back(std::make_unique<UdpLesson>());
    lessons.push_back(std::make_unique<TcpBasicsLesson>());
    lessons.push_back(std::make_unique<IterativeLesson>());
    lessons.push_back(std::make_unique<ForkLesson>());
    lessons.push_back(std::make_unique<SharedMemoryLesson>());
    lessons.push_back(std::make_unique<BoundariesLesson>());
    lessons.push_back(std::make_unique<RefusedLesson>());
    lessons.push_back(std::make_unique<AddressInUseLesson>());
    return lessons;
}

} // namespace socketlab
