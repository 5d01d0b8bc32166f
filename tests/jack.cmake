# Real-time playing through RtAudio's JACK API against a real JACK server (jackd -d dummy).
# jackd missing is a failure: scripts/test installs Debian's jackd2.
#
# seiche-cli-alloc-trap is seiche-cli with global allocation functions that abort inside
# the audio callback (tests/alloc_trap); the real-time runs below use it.
add_executable(seiche-cli-alloc-trap ${SEICHE_CLI_SOURCES} ${CMAKE_CURRENT_SOURCE_DIR}/alloc_trap/alloc_trap.cpp)
target_include_directories(seiche-cli-alloc-trap PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(seiche-cli-alloc-trap PRIVATE seiche_pattern seiche_audio seiche_analysis seiche_session)
set(SEICHE_JACK_TEST ${CMAKE_SOURCE_DIR}/tests/audio/jack_play_test.py)

add_test(NAME jack_play_dense COMMAND python3 ${SEICHE_JACK_TEST} $<TARGET_FILE:seiche-cli-alloc-trap> server)
# RUN_SERIAL: a parallel test on a 2-core machine would take the CPU the callback needs.
set_tests_properties(jack_play_dense PROPERTIES LABELS "jack" TIMEOUT 300 RUN_SERIAL TRUE)
add_test(NAME jack_play_recover COMMAND python3 ${SEICHE_JACK_TEST} $<TARGET_FILE:seiche-cli-alloc-trap> recover)
set_tests_properties(jack_play_recover PROPERTIES LABELS "jack" TIMEOUT 180 RUN_SERIAL TRUE)
add_test(NAME jack_play_freeze COMMAND python3 ${SEICHE_JACK_TEST} $<TARGET_FILE:seiche-cli-alloc-trap> freeze)
set_tests_properties(jack_play_freeze PROPERTIES LABELS "jack" TIMEOUT 180 RUN_SERIAL TRUE)
add_test(NAME jack_play_late_server COMMAND python3 ${SEICHE_JACK_TEST} $<TARGET_FILE:seiche-cli-alloc-trap> late-server)
set_tests_properties(jack_play_late_server PROPERTIES LABELS "jack" TIMEOUT 180 RUN_SERIAL TRUE)
add_test(NAME jack_play_no_server COMMAND python3 ${SEICHE_JACK_TEST} $<TARGET_FILE:seiche-cli> no-server)
set_tests_properties(jack_play_no_server PROPERTIES LABELS "jack" TIMEOUT 120)
add_test(NAME alloc_trap_silent_clock COMMAND python3 ${SEICHE_JACK_TEST} $<TARGET_FILE:seiche-cli-alloc-trap> trap)
set_tests_properties(alloc_trap_silent_clock PROPERTIES LABELS "jack;engine" TIMEOUT 120)
