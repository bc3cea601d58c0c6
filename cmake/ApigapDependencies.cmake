# The libraries apigap uses, all from Debian, as targets of our own (apigap::fmt, apigap::spdlog, apigap::yaml_cpp,
# apigap::pugixml, apigap::utf8proc, apigap::libzip) so that one switch decides how they are linked.
#
# APIGAP_STATIC_DEPS (on unless sanitizers are): every library that Debian ships as a static archive or as headers
# is built into the binary, and libstdc++ too, so that a start of apigap resolves a few hundred symbols instead of
# some 6,800 (1.4 ms of a 5 ms start on the reference machine, docs/performance.md). libzip has no static archive
# in Debian and brings libcrypto, whose relocations cost another 1.5 ms at every start: it is loaded with dlopen the
# first time a DOCX is read (src/ingest/zip_library.cpp). Off, everything is linked as shared libraries, as
# sanitizers want.

find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(pugixml REQUIRED)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(utf8proc REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(poppler_cpp REQUIRED IMPORTED_TARGET poppler-cpp)
# Debian's libzip CMake package names tools (zipcmp) that libzip-dev does not install.
pkg_check_modules(libzip REQUIRED IMPORTED_TARGET libzip)

if(APIGAP_SANITIZERS)
  set(_apigap_static_default OFF)
else()
  set(_apigap_static_default ON)
endif()
option(APIGAP_STATIC_DEPS "Build the libraries into apigap and load libzip on demand, for a fast start"
       ${_apigap_static_default})

foreach(_name fmt spdlog yaml_cpp pugixml utf8proc libzip)
  add_library(apigap_dep_${_name} INTERFACE)
  add_library(apigap::${_name} ALIAS apigap_dep_${_name})
endforeach()

if(APIGAP_STATIC_DEPS)
  # Every translation unit sees fmt and spdlog as headers only: mixing them with the shared builds would break the
  # one-definition rule.
  target_link_libraries(apigap_dep_fmt INTERFACE fmt::fmt-header-only)
  target_include_directories(apigap_dep_spdlog INTERFACE $<TARGET_PROPERTY:spdlog::spdlog_header_only,INTERFACE_INCLUDE_DIRECTORIES>)
  target_compile_definitions(apigap_dep_spdlog INTERFACE SPDLOG_FMT_EXTERNAL)
  target_link_libraries(apigap_dep_spdlog INTERFACE fmt::fmt-header-only Threads::Threads)
  find_library(APIGAP_YAML_CPP_ARCHIVE NAMES libyaml-cpp.a REQUIRED)
  find_library(APIGAP_UTF8PROC_ARCHIVE NAMES libutf8proc.a REQUIRED)
  target_include_directories(apigap_dep_yaml_cpp INTERFACE $<TARGET_PROPERTY:yaml-cpp,INTERFACE_INCLUDE_DIRECTORIES>)
  target_link_libraries(apigap_dep_yaml_cpp INTERFACE "${APIGAP_YAML_CPP_ARCHIVE}")
  target_link_libraries(apigap_dep_pugixml INTERFACE pugixml::static)
  target_include_directories(apigap_dep_utf8proc INTERFACE ${utf8proc_INCLUDE_DIRS})
  target_compile_definitions(apigap_dep_utf8proc INTERFACE UTF8PROC_STATIC)
  target_link_libraries(apigap_dep_utf8proc INTERFACE "${APIGAP_UTF8PROC_ARCHIVE}")
  # dlopen: the name the dynamic linker knows libzip by (Debian's libzip.so links to it).
  file(READ_SYMLINK "${libzip_LINK_LIBRARIES}" _apigap_libzip_soname)
  if(NOT _apigap_libzip_soname MATCHES "^libzip\\.so\\.[0-9]+$")
    message(FATAL_ERROR "cannot tell libzip's soname from ${libzip_LINK_LIBRARIES} (it links to '${_apigap_libzip_soname}')")
  endif()
  set(APIGAP_LIBZIP_SONAME "${_apigap_libzip_soname}")
  target_include_directories(apigap_dep_libzip INTERFACE ${libzip_INCLUDE_DIRS})
  target_link_libraries(apigap_dep_libzip INTERFACE ${CMAKE_DL_LIBS})
else()
  target_link_libraries(apigap_dep_fmt INTERFACE fmt::fmt)
  target_link_libraries(apigap_dep_spdlog INTERFACE spdlog::spdlog)
  target_link_libraries(apigap_dep_yaml_cpp INTERFACE yaml-cpp)
  target_link_libraries(apigap_dep_pugixml INTERFACE pugixml::pugixml)
  target_link_libraries(apigap_dep_utf8proc INTERFACE PkgConfig::utf8proc)
  target_link_libraries(apigap_dep_libzip INTERFACE PkgConfig::libzip)
  set(APIGAP_LIBZIP_SONAME "")
endif()

# apigap_program: what every program of ours that links our libraries links PRIVATE (apigap, the tests, the tools).
add_library(apigap_program INTERFACE)
if(APIGAP_STATIC_DEPS)
  target_link_options(apigap_program INTERFACE -static-libstdc++ -static-libgcc)
endif()
