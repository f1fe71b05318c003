1;
function r = quiet_fn()
  r = 42;
end
quiet_fn;
quiet_fn
y = quiet_fn;
