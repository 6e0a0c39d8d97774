# SadTalker Studio container images.
#   CPU (default target):  docker build -t sadtalker-web .
#   NVIDIA GPU:             docker build --target runtime-cuda -t sadtalker-web:cuda .
#   Run:                    docker run -p 8080:8080 -v sadtalker-data:/data sadtalker-web
# Data (SQLite database, blobs, keys) lives in the /data volume.

ARG DOTNET_VERSION=10.0
ARG CUDA_BASE=nvidia/cuda:13.0.1-cudnn-runtime-ubuntu24.04

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY global.json Directory.Build.props Directory.Packages.props SadTalker.Web.sln appsettings.json ./
COPY build/ build/
COPY src/ src/
COPY wwwroot/ wwwroot/
COPY models/ models/
COPY scripts/ scripts/
RUN bash scripts/fetch-models.sh \
    && dotnet publish src/SadTalker.Web/SadTalker.Web.csproj -c Release -o /app --nologo \
    && mkdir -p /app/models && cp -r models/blazeface models/manifest.json /app/models/

# CUDA execution provider (plugin EP) for the GPU image: needs CUDA 13 + cuDNN 9 at run time.
FROM build AS build-cuda
RUN npm install --no-save --ignore-scripts --no-audit --no-fund com.github.asus4.onnxruntime.linux-x64-gpu@0.4.9 \
    && cp node_modules/com.github.asus4.onnxruntime.linux-x64-gpu/Plugins/Linux/x64/libonnxruntime_providers_*.so /app/

FROM ${CUDA_BASE} AS runtime-cuda
RUN apt-get update \
    && apt-get install -y --no-install-recommends ffmpeg poppler-utils fonts-dejavu-core ca-certificates libicu74 \
    && rm -rf /var/lib/apt/lists/*
COPY --from=mcr.microsoft.com/dotnet/aspnet:10.0 /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
WORKDIR /app
COPY --from=build-cuda /app ./
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    SADTALKER_Storage__DataDir=/data \
    SADTALKER_Inference__Device=auto
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "SadTalker.Web.dll"]

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ffmpeg poppler-utils fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    SADTALKER_Storage__DataDir=/data \
    SADTALKER_Inference__Device=cpu
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "SadTalker.Web.dll"]
