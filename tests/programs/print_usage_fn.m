1;
function r = needs_one(x)
  if nargin ~= 1
    print_usage();
  end
  r = x;
end
try
  needs_one()
catch err
  disp(err.message)
end
