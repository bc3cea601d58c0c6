# Warnings and sanitizers as INTERFACE targets, linked PRIVATE to apigap's own
# targets only, so they never leak to users of the libraries.
add_library(apigap_warnings INTERFACE)
add_library(apigap::warnings ALIAS apigap_warnings)
target_compile_options(apigap_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<BOOL:${APIGAP_WERROR}>:-Werror>)

add_library(apigap_sanitizers INTERFACE)
add_library(apigap::sanitizers ALIAS apigap_sanitizers)
if(APIGAP_SANITIZERS)
  list(JOIN APIGAP_SANITIZERS "," _apigap_sanitizers)
  target_compile_options(apigap_sanitizers INTERFACE -fsanitize=${_apigap_sanitizers} -fno-omit-frame-pointer
                                                     -fno-sanitize-recover=all)
  target_link_options(apigap_sanitizers INTERFACE -fsanitize=${_apigap_sanitizers})
endif()
target_compile_definitions(apigap_sanitizers INTERFACE $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)
# 1 when the sanitizers include one that reports crashes itself (what src/ingest/sanitizers.hpp tells the code).
if("address" IN_LIST APIGAP_SANITIZERS OR "thread" IN_LIST APIGAP_SANITIZERS OR "memory" IN_LIST APIGAP_SANITIZERS)
  set(APIGAP_SANITIZED 1)
else()
  set(APIGAP_SANITIZED 0)
endif()

# apigap_settings: everything our own targets link PRIVATE.
add_library(apigap_settings INTERFACE)
target_link_libraries(apigap_settings INTERFACE apigap_warnings apigap_sanitizers)
