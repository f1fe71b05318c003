x = 0;
unwind_protect
  x = 1;
  error('boom');
unwind_protect_cleanup
  disp('cleanup ran');
end_unwind_protect
