try
  error('remember me');
catch
end
disp(lasterr())
