# Real-time playing through RtAudio's JACK API against a real JACK server (jackd -d dummy).
# jackd missing is a failure: scripts/test installs Debian's jackd2.
add_test(NAME jack_play_dense
         COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/audio/jack_play_test.py $<TARGET_FILE:seiche-cli> server)
# RUN_SERIAL: a parallel test on a 2-core machine would take the CPU the callback needs.
set_tests_properties(jack_play_dense PROPERTIES LABELS "jack" TIMEOUT 300 RUN_SERIAL TRUE)
add_test(NAME jack_play_no_server
         COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/audio/jack_play_test.py $<TARGET_FILE:seiche-cli> no-server)
set_tests_properties(jack_play_no_server PROPERTIES LABELS "jack" TIMEOUT 120)
