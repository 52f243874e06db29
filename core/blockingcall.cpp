#include "core/blockingcall.h"

#include <atomic>
#include <cstdint>
#include <new>

#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace socketlab {

namespace {
constexpr int kSlots = 4096;
// An id lives in one of the kProbes slots from startOf(id), never further: a lookup (of an
// absent id too, as after a child's death) reads at most that many slots, not the table.
// Sequential ids hash to distinct slots, so the window is full only with thousands waiting.
constexpr int kProbes = 64;

struct Slot
{
    std::atomic<std::int64_t> id; // 0: free
    std::atomic<int> call; // a SysCall
};
static_assert(std::atomic<std::int64_t>::is_always_lock_free
                  && std::atomic<int>::is_always_lock_free,
              "records are written between fork() and _exit(): lock-free atomics only");

// Shared, so a forked child writes into the very pages its parent reads.
Slot *mapSlots()
{
    void *memory = ::mmap(nullptr, sizeof(Slot) * kSlots, PROT_READ | PROT_WRITE,
                          MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    return memory == MAP_FAILED ? nullptr : new (memory) Slot[kSlots]();
}

Slot *const g_slots = mapSlots();

std::int64_t threadId()
{
    return std::int64_t(::syscall(SYS_gettid));
}

int startOf(std::int64_t id)
{
    return int(std::uint64_t(id) * 2654435761u % kSlots);
}

int find(std::int64_t id)
{
    if (!g_slots || id == 0)
        return -1;
    for (int n = 0, i = startOf(id); n < kProbes; ++n, i = (i + 1) % kSlots) {
        if (g_slots[i].id.load(std::memory_order_acquire) == id)
            return i;
    }
    return -1;
}
} // namespace

BlockingCall::BlockingCall(SysCall call)
{
    if (!g_slots || call == SysCall::None)
        return;
    const std::int64_t id = threadId();
    m_slot = find(id);
    if (m_slot >= 0) {
        m_outer = SysCall(g_slots[m_slot].call.load(std::memory_order_relaxed));
        g_slots[m_slot].call.store(int(call), std::memory_order_release);
        return;
    }
    for (int n = 0, i = startOf(id); n < kProbes; ++n, i = (i + 1) % kSlots) {
        std::int64_t free = 0;
        if (g_slots[i].id.load(std::memory_order_relaxed) != 0)
            continue;
        if (g_slots[i].id.compare_exchange_strong(free, id, std::memory_order_acq_rel)) {
            g_slots[i].call.store(int(call), std::memory_order_release);
            m_slot = i;
            m_owner = true;
            return;
        }
    }
}

BlockingCall::~BlockingCall()
{
    if (m_slot < 0)
        return;
    if (m_owner) {
        g_slots[m_slot].call.store(int(SysCall::None), std::memory_order_relaxed);
        g_slots[m_slot].id.store(0, std::memory_order_release);
    } else {
        g_slots[m_slot].call.store(int(m_outer), std::memory_order_release);
    }
}

SysCall BlockingCall::of(std::int64_t id)
{
    const int slot = find(id);
    return slot < 0 ? SysCall::None : SysCall(g_slots[slot].call.load(std::memory_order_acquire));
}

void BlockingCall::forget(std::int64_t id)
{
    const int slot = find(id);
    if (slot >= 0) {
        g_slots[slot].call.store(int(SysCall::None), std::memory_order_relaxed);
        g_slots[slot].id.store(0, std::memory_order_release);
    }
}

} // namespace socketlab
