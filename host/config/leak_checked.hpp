// CONVENTIO_LEAK_CHECKED: defined in builds where LeakSanitizer reports what is still allocated at
// exit (AddressSanitizer, or LeakSanitizer alone, with GCC or Clang). The shortcuts that leave
// memory to the system at exit (State::leave_to_process_exit, the commands' _Exit) are off in
// such builds, so the sanitizer sees every block freed as usual and a real leak stands out.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define CONVENTIO_LEAK_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define CONVENTIO_LEAK_CHECKED 1
#endif
#endif
