% Reference trajectories from the authors' CTRNN toolbox (donnarumma/CTRNN), for the project's tests.
%
%   octave --no-gui --norc --path TOOLBOX tools/reference/toolbox_trajectories.m OUTDIR
%
% TOOLBOX is a checkout of the toolbox (createCTRNN, mulation, runCTRNN); nothing of it is copied here.
% Each case is written as OUTDIR/NAME/{network.json, inputs.csv, expected.csv}: the network as the
% project's description file, the toolbox's external inputs (without the program columns mulation adds),
% and the toolbox's activities (slow neurons, then each mul's three units in mulation order) at the steps
% listed, to 17 significant digits. Weights are drawn on a 1e-4 grid so that the JSON holds them exactly.
1;

function net = quiet(net)
  % The toolbox draws its noise with normrnd (Octave's statistics package); the references are noise-free.
  net.NOISE = @(n) zeros(1, n.numUnits);
end

function w = grid(w)
  w = round(w * 1e4) / 1e4;
end

% Numbers drawn on the grid are exact in 15 digits; the toolbox's results need 17.
function text = row(values, digits = 15)
  text = strjoin(arrayfun(@(v) sprintf('%.*g', digits, v), values, 'UniformOutput', false), ', ');
end

function text = matrix(m)
  rows = arrayfun(@(i) ['[' row(m(i, :)) ']'], 1:size(m, 1), 'UniformOutput', false);
  text = ['[' strjoin(rows, ', ') ']'];
end

% muls: rows [kind(1 internal, 2 external), i, j] in mulation order; range [min max]; theta: the muls' tau.
function write_case(outdir, name, net, muls, range, theta, inputs, steps)
  n = net.numUnits; d = net.numExternalInput;
  muled = net;
  muled.externalInput = inputs(1, :);
  connections = {};
  codes = [];
  kinds = {'internal', 'external'};
  for m = 1:size(muls, 1)
    [kind, i, j] = deal(muls(m, 1), muls(m, 2), muls(m, 3));
    if kind == 1
      connections{end + 1} = sprintf('"W[%d][%d]"', i - 1, j - 1);
      codes(end + 1) = net.internalWMatrix(i, j);
    else
      connections{end + 1} = sprintf('"V[%d][%d]"', i - 1, j - 1);
      codes(end + 1) = net.externalWMatrix(i, j);
    end
    muled = mulation(muled, kinds{kind}, i, j, range, theta);
  end
  % mulation appends one constant program column per mul: hold them for every step.
  programs = muled.externalInput(1, d + 1:end);
  muled.externalInput = [inputs repmat(programs, size(inputs, 1), 1)];
  out = runCTRNN(quiet(muled), size(inputs, 1));
  out = [muled.initialOutValues; out];

  recurrent = net.internalWMatrix; input = net.externalWMatrix;
  for m = 1:size(muls, 1)
    if muls(m, 1) == 1
      recurrent(muls(m, 2), muls(m, 3)) = 0;
    else
      input(muls(m, 2), muls(m, 3)) = 0;
    end
  end

  folder = fullfile(outdir, name);
  mkdir(folder);
  f = fopen(fullfile(folder, 'network.json'), 'w');
  fprintf(f, '{\n  "format": "hpnna-network/1",\n  "name": "%s",\n  "neurons": %d,\n  "inputs": %d,\n', name, n, d);
  fprintf(f, '  "tau": [%s],\n  "initialState": [%s],\n', row(net.tau), row(net.initialOutValues));
  fprintf(f, '  "recurrent": %s,\n  "input": %s,\n  "bias": [%s],\n', matrix(recurrent), matrix(input), row(net.biases));
  if ~isempty(muls)
    fprintf(f, '  "programmable": { "connections": [%s], "weightRange": [%s], "mul": "published", "theta": %.15g, "code": [%s] },\n', ...
            strjoin(connections, ', '), row(range), theta, row(codes));
  end
  fprintf(f, '  "integrator": "forward-euler",\n  "step": %.15g,\n  "fastSubsteps": 1\n}\n', net.dt);
  fclose(f);

  f = fopen(fullfile(folder, 'inputs.csv'), 'w');
  for t = 1:size(inputs, 1)
    fprintf(f, '%s\n', strrep(row(inputs(t, :)), ' ', ''));
  end
  fclose(f);

  f = fopen(fullfile(folder, 'expected.csv'), 'w');
  fprintf(f, '# donnarumma/CTRNN runCTRNN under %s, noise-free; step, then every unit after that many steps\n', version());
  for s = steps
    fprintf(f, '%d,%s\n', s, strrep(row(out(s + 1, :), 17), ' ', ''));
  end
  fclose(f);
  printf('%s: %d neurons, %d inputs, %d muls, %d steps\n', name, n, d, size(muls, 1), size(inputs, 1));
end

outdir = argv(){1};
shown = @(T) unique([0:20, 25:25:T, T]);

% The toolbox's own demo (demo/demo_2neurons_plus_mul.m): two neurons, constant input 0.9, tau 10,
% plain and with four muls of tau 1 on the diagonal weights, 2000 steps of 0.1.
net = createCTRNN(2, 2);
net.internalWMatrix = [3 1; -1 3];
net.externalWMatrix = [-2 0; 0 -1];
net.biases = [0 0];
net.tau = [10 10];
net.initialOutValues = [0 0];
T = 2000;
inputs = repmat([0.9 0.9], T, 1);
write_case(outdir, 'demo-plain', net, zeros(0, 3), [-5 5], 1, inputs, shown(T));
write_case(outdir, 'demo-muls', net, [1 1 1; 1 2 2; 2 1 1; 2 2 2], [-5 5], 1, inputs, shown(T));

% Random networks (Mersenne twister, seeds 1..3): weights in [-5, 5], tau in [0.5, 5], inputs in [0, 1]
% changing every step, some internal and external weights replaced by muls of tau theta in [0.2, 1].
for seed = 1:3
  rand('twister', seed);
  n = 2 + seed; d = 1 + seed;
  net = createCTRNN(n, d, grid(5 - 10 * rand(1, n)), grid(5 - 10 * rand(n, n)), grid(5 - 10 * rand(n, d)));
  net.tau = grid(0.5 + 4.5 * rand(1, n));
  net.initialOutValues = grid(rand(1, n));
  T = 1000;
  inputs = grid(rand(T, d));
  muls = [1 1 2; 1 n 1; 2 1 1; 2 n d; 1 2 2](1:2 + seed, :);
  theta = grid(0.2 + 0.8 * rand());
  write_case(outdir, sprintf('random-%d-plain', seed), net, zeros(0, 3), [-5 5], theta, inputs, shown(T));
  write_case(outdir, sprintf('random-%d-muls', seed), net, muls, [-5 5], theta, inputs, shown(T));
end
