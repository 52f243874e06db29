#include "lessoncatalog.h"

#include "addressinuselesson.h"
#include "boundarieslesson.h"
#include "forklesson.h"
#include "iterativelesson.h"
#include "refusedlesson.h"
#include "sharedmemorylesson.h"
#include "tcpbasicslesson.h"
#include "udplesson.h"

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
