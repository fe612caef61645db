# Linking the libraries conventio uses from the static archives their Debian -dev packages
# ship (CONVENTIO_STATIC_DEPENDENCIES, on by default).
#
# Why: a cold `conventio render` is a few milliseconds, and binding the shared libraries'
# symbols was a large part of it. With libstdc++, ICU (which libxml2 pulls in too), libxml2,
# Lua, cmark-gfm, PCRE2 and libdeflate shared, `--version` took 2.2 ms of CPU, 4.5 M of a
# render's instructions were the dynamic loader's (3 360 symbol bindings, 16 libraries mapped)
# and a render 8.8 ms of CPU; linked from their archives, `--version` takes 0.9 ms (143
# bindings, libc and libm left) and the render 7.0 ms (bench/cold_start.sh, docs/architecture.md
# "Speed"). The price: the binary carries its own copy of them (ICU's data is 30 MB of it; only
# the pages a run touches are read), so a security update of one of them needs conventio
# rebuilt. A distribution that prefers shared libraries configures with
# -DCONVENTIO_STATIC_DEPENDENCIES=OFF; nothing else changes.
#
# ICU's data must come with ICU's code: libicuuc.a reaching a shared libicudata makes the
# linker copy the whole 30 MB table into the process at every start (copy relocation), which
# took 20 ms. So every archive or none.

# The C library's parts stay shared: they are the system, and glibc is not meant to be linked
# statically into a program that loads anything (gettext, locales).
set(CONVENTIO_SYSTEM_LIBRARIES m pthread dl c rt)

# conventio_link_archives(TARGET PREFIX): makes the imported target TARGET, made by
# pkg_check_modules(PREFIX ...), link the static archives that `pkg-config --static` lists
# for its modules, in pkg-config's order (a library before those it uses). Every project
# target and test that links TARGET then gets the same copy: one Lua, one ICU per binary.
function(conventio_link_archives target prefix)
  set(archives)
  foreach(name ${${prefix}_STATIC_LIBRARIES})
    if(name IN_LIST CONVENTIO_SYSTEM_LIBRARIES)
      list(APPEND archives ${name})
      continue()
    endif()
    unset(archive)
    find_library(archive NAMES lib${name}.a HINTS ${${prefix}_STATIC_LIBRARY_DIRS} NO_CACHE)
    if(NOT archive)
      message(FATAL_ERROR "lib${name}.a not found (needed by ${target} with CONVENTIO_STATIC_DEPENDENCIES): "
                          "install its -dev package (tools/install-deps) or configure with "
                          "-DCONVENTIO_STATIC_DEPENDENCIES=OFF")
    endif()
    list(APPEND archives ${archive})
    unset(archive)
  endforeach()
  set_property(TARGET ${target} PROPERTY INTERFACE_LINK_LIBRARIES ${archives})
endfunction()
