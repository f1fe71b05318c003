for i = 1:2 % loop comment
  # hash comment
  x = i; % trailing
  %{
  block comment
  %}
end
x
