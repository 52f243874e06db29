#pragma once

namespace socketlab {

// Makes the calling thread (Linux: only this thread) `increment` steps nicer; 0 does nothing.
// A window's server uses it so that a flood keeps its handlers busy without starving the GUI
// thread: a teacher can still click Stop. Any user may lower a priority. Async-signal-safe
// (a forked child calls it too).
void makeCurrentThreadNicer(int increment);

} // namespace socketlab
