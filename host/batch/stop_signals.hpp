// Ctrl-C and SIGTERM during a batch: the first one asks the workers to take no new row (rows
// in flight finish, each written whole or not at all) and the report says which rows were
// done; the handler then steps aside, so a second one ends the process at once.
#pragma once

namespace conventio::batch {

class StopSignals {
public:
    StopSignals();   // installs the handlers
    ~StopSignals();  // puts the previous ones back
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    /// The signal received (SIGINT, SIGTERM), or 0.
    static int received();
};

}  // namespace conventio::batch
